"""The demo hospital's people and what they come with: staff, names, complaints.

Shared by the demo's history (history.py) and its morning (today.py), which both
draw from it; neither imports the other's module for it.
"""

from __future__ import annotations

# (username, name, role, sex, PIN)
DEMO_STAFF = [
    ("admin", "系统管理员", "admin", "M", "9000"),
    ("leitt", "雷婷婷", "supervisor", "F", "1001"),
    ("zhengyu", "郑瑜", "supervisor", "F", "1002"),
    ("desk1", "李静", "desk", "F", "2001"),
    ("desk2", "陈晓雪", "desk", "F", "2002"),
    ("guide1", "王悦", "guide", "F", "3001"),
    ("guide2", "张丽娜", "guide", "F", "3002"),
    ("guide3", "刘婷", "guide", "F", "3003"),
]

# Common surnames, most frequent first, with a few of the special readings.
SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余于杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单仇解查朴区")
GIVEN = list("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国红梅玉兰志强海燕文斌")
COMPLAINTS = {
    "internal": ["发烧两天，咳嗽", "头晕乏力一周", "胃痛反复发作", "血压高，想复查"],
    "surgery": ["手臂外伤", "腹股沟有肿块", "腰痛"],
    "gyn": ["月经不调三个月", "痛经", "孕检"],
    "paeds": ["孩子发烧38度", "宝宝咳嗽", "小孩拉肚子"],
    "anorectal": ["便血一周", "痔疮复发", "便秘很久了", "肛门疼痛"],
    "derm": ["手上湿疹", "脸上长痘", "皮肤瘙痒"],
    "ent": ["鼻塞流鼻涕", "喉咙痛", "耳鸣"],
    "dental": ["牙疼两天", "想洗牙", "智齿发炎"],
    "emergency": ["胸痛半小时", "呼吸困难", "晕倒过一次"],
}
