<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Areas</name>
    <message>
        <source>Reception</source>
        <translation>接待</translation>
    </message>
    <message>
        <source>Queue board</source>
        <translation>候诊</translation>
    </message>
    <message>
        <source>Grooming check</source>
        <translation>仪容检查</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>管理</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Frontdesk</source>
        <translation>欢迎使用 Frontdesk</translation>
    </message>
    <message>
        <source>This is a new installation. Enter the hospital's name; the house rules (departments, doctors, shifts, grooming items and fines) are then loaded and can be edited by an administrator.</source>
        <translation>这是一个新安装。请输入医院名称；随后将载入院内规章（科室、医生、班次、仪容检查项和罚款标准），管理员之后可以修改。</translation>
    </message>
    <message>
        <source>Hospital name</source>
        <translation>医院名称</translation>
    </message>
    <message>
        <source>Hospital name:</source>
        <translation>医院名称：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{hospital} — Frontdesk</source>
        <translation>{hospital} — 导医台助手</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>功能区</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About Frontdesk</source>
        <translation>关于 Frontdesk(&amp;A)</translation>
    </message>
    <message>
        <source>Not logged in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>On duty: {name}</source>
        <translation>当班：{name}</translation>
    </message>
    <message>
        <source>About Frontdesk</source>
        <translation>关于 Frontdesk</translation>
    </message>
    <message>
        <source>Frontdesk {version}
The reception desk companion.</source>
        <translation>Frontdesk {version}
导医台工作助手。</translation>
    </message>
</context>
<context>
    <name>PlaceholderArea</name>
    <message>
        <source>This area is not built yet. Nothing here works so far.</source>
        <translation>此功能区尚未开发，目前还不能使用。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
</context>
</TS>