"""Name material for the benchmark hospital: surnames by real frequency, given-name characters.

Surname weights are approximate shares (per mille of the population) after
the 2020 census rankings; the tail includes the surnames whose reading as a
surname differs from the everyday one (单 Shàn, 曾 Zēng, 区 Ōu, 仇 Qiú, 解 Xiè,
查 Zhā, 朴 Piáo) and a few compound surnames, so search keys for them are
exercised at realistic (low) rates.
"""

from __future__ import annotations

SURNAME_WEIGHTS: dict[str, float] = {
    "王": 71.5, "李": 70.0, "张": 65.0, "刘": 54.0, "陈": 45.0, "杨": 31.0, "黄": 22.0,
    "赵": 20.0, "吴": 19.5, "周": 18.5, "徐": 13.5, "孙": 12.5, "马": 11.5, "朱": 11.0,
    "胡": 10.5, "郭": 10.0, "何": 9.5, "林": 9.0, "高": 9.0, "罗": 8.5, "郑": 8.0,
    "梁": 7.2, "谢": 6.9, "宋": 6.5, "唐": 6.3, "许": 6.0, "韩": 5.8, "冯": 5.6,
    "邓": 5.5, "曹": 5.3, "彭": 5.2, "曾": 5.0, "肖": 4.9, "田": 4.8, "董": 4.7,
    "袁": 4.5, "潘": 4.4, "于": 4.3, "蒋": 4.3, "蔡": 4.2, "余": 4.1, "杜": 4.0,
    "叶": 3.9, "程": 3.8, "苏": 3.7, "魏": 3.6, "吕": 3.5, "丁": 3.4, "任": 3.3,
    "沈": 3.2, "姚": 3.1, "卢": 3.0, "姜": 2.9, "崔": 2.8, "钟": 2.7, "谭": 2.6,
    "陆": 2.5, "汪": 2.4, "范": 2.3, "金": 2.2, "石": 2.2, "廖": 2.1, "贾": 2.1,
    "夏": 2.0, "韦": 2.0, "付": 1.9, "方": 1.9, "白": 1.8, "邹": 1.8, "孟": 1.7,
    "熊": 1.7, "秦": 1.6, "邱": 1.6, "江": 1.6, "尹": 1.5, "薛": 1.5, "闫": 1.4,
    "段": 1.4, "雷": 1.4, "侯": 1.3, "龙": 1.3, "史": 1.3, "陶": 1.2, "黎": 1.2,
    "贺": 1.2, "顾": 1.1, "毛": 1.1, "郝": 1.1, "龚": 1.0, "邵": 1.0, "万": 1.0,
    "钱": 1.0, "严": 0.9, "覃": 0.9, "武": 0.9, "戴": 0.9, "莫": 0.8, "孔": 0.8,
    "向": 0.8, "汤": 0.8, "常": 0.8,
    # special surname readings (rare, but the desk must find them)
    "单": 0.25, "区": 0.1, "仇": 0.2, "解": 0.2, "查": 0.2, "朴": 0.2,
    # compound surnames
    "欧阳": 0.3, "司马": 0.05, "诸葛": 0.03, "上官": 0.03,
}  # fmt: skip

# Given-name characters, commonest first; weights fall off with rank (Zipf-like).
MALE_GIVEN = (
    "伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欢阳建国志文晨"
    "博峰毅成亮宏德东海鸿振祥海涛嘉浩然子轩睿豪哲瑞泽梓昊天佳一新永胜春"
)
FEMALE_GIVEN = (
    "芳娜敏静丽艳娟霞秀英玲桂兰红梅莉燕琳雪婷慧颖倩洁佳琪欣怡悦萍晶丹瑶涵诗雨"
    "梦妍思彤紫萱可馨月蕾薇晓露凤云雅楠美玉荣菲茜嘉蓉惠凤霞爽瑾媛"
)
GIVEN_EXPONENT = 0.9  # weight of the k-th character is 1 / k**GIVEN_EXPONENT
TWO_CHAR_GIVEN_SHARE = 0.82  # most given names have two characters

# Six-digit region codes (GB/T 2260) of real districts: a hospital's patients live nearby.
REGION_CODES = (
    "110105", "110108", "110101", "110102", "110106", "110114", "110112",
    "130102", "370102", "410105", "420106", "430104", "440106", "310104",
    "320102", "330106", "340104", "510107", "500103", "610113",
)  # fmt: skip
DISTRICTS = ("朝阳区", "海淀区", "东城区", "西城区", "丰台区", "昌平区", "通州区", "大兴区")
STREETS = ("建国路", "望京街", "中关村大街", "学院路", "安定路", "北苑路", "东四环中路", "广渠路")


def given_weights(chars: str) -> list[float]:
    """Zipf-like weights for a frequency-ordered character list (duplicates kept distinct)."""
    return [1.0 / (k + 1) ** GIVEN_EXPONENT for k in range(len(chars))]
