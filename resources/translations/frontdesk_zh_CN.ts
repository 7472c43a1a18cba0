<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../frontdesk/ui/shell/about.py" line="66"/>
        <source>About Frontdesk</source>
        <translation>关于 Frontdesk</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/about.py" line="67"/>
        <source>Frontdesk — the reception desk companion</source>
        <translation>Frontdesk — 导医台工作助手</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/about.py" line="69"/>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/about.py" line="70"/>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/about.py" line="71"/>
        <source>Schema version:</source>
        <translation>数据库结构版本：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/about.py" line="72"/>
        <source>Log file:</source>
        <translation>日志文件：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/about.py" line="73"/>
        <source>Qt:</source>
        <translation>Qt：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/about.py" line="74"/>
        <source>Python:</source>
        <translation>Python：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/about.py" line="75"/>
        <source>System:</source>
        <translation>系统：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/about.py" line="82"/>
        <source>{version} (this version knows up to {latest})</source>
        <translation>{version}（本版本最高支持 {latest}）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/about.py" line="86"/>
        <source>none: {reason}</source>
        <translation>无：{reason}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/about.py" line="87"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/about.py" line="88"/>
        <source>Copy these details for IT</source>
        <translation>复制以上信息发给信息科</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/about.py" line="89"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/about.py" line="93"/>
        <source>Copied.</source>
        <translation>已复制。</translation>
    </message>
</context>
<context>
    <name>AdminArea</name>
    <message>
        <location filename="../../frontdesk/ui/admin/area.py" line="77"/>
        <source>Only administrators can use this area. Log in as an administrator (File → Switch user).</source>
        <translation>只有管理员可以使用此功能区。请以管理员身份登录（文件 → 切换用户）。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/area.py" line="80"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/area.py" line="80"/>
        <source>Departments</source>
        <translation>科室</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/area.py" line="80"/>
        <source>Doctors &amp;&amp; schedule</source>
        <translation>医生与排班</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/area.py" line="81"/>
        <source>Fees</source>
        <translation>挂号费</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/area.py" line="81"/>
        <source>Grooming items</source>
        <translation>仪容检查项</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/area.py" line="81"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/area.py" line="82"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/area.py" line="82"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/area.py" line="85"/>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
</context>
<context>
    <name>AppointmentModel</name>
    <message>
        <location filename="../../frontdesk/ui/service/appointments.py" line="41"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/appointments.py" line="42"/>
        <source>Booking code</source>
        <translation>预约码</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/appointments.py" line="43"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/appointments.py" line="44"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/appointments.py" line="45"/>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/appointments.py" line="46"/>
        <source>Doctor</source>
        <translation>医生</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/appointments.py" line="47"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>AppointmentPanel</name>
    <message>
        <location filename="../../frontdesk/ui/service/appointments.py" line="147"/>
        <source>{time}  ({free} of {capacity} free)</source>
        <translation>{time}（余 {free}/{capacity}）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/appointments.py" line="178"/>
        <source>Your role does not book appointments.</source>
        <translation>您的角色不能办理预约。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/appointments.py" line="181"/>
        <source>Bookings on {day}</source>
        <translation>{day} 的预约</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/appointments.py" line="202"/>
        <source>No free slot: choose another doctor or day.</source>
        <translation>没有可约时段：请换一位医生或换一天。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/appointments.py" line="211"/>
        <source>Booked {name} at {day} {time}: code {code}</source>
        <translation>已为{name}预约 {day} {time}，预约码 {code}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/appointments.py" line="226"/>
        <source>Moved to {day} {time}.</source>
        <translation>已改约到 {day} {time}。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/appointments.py" line="236"/>
        <source>Cancelled {name}.</source>
        <translation>已取消{name}的预约。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/appointments.py" line="247"/>
        <source>{name} did not come: a follow-up call is due today.</source>
        <translation>{name}未到：已加入今天的回访名单。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/appointments.py" line="252"/>
        <source>From &amp;consultation</source>
        <translation>来自咨询(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/appointments.py" line="252"/>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/appointments.py" line="253"/>
        <source>De&amp;partment</source>
        <translation>科室(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/appointments.py" line="253"/>
        <source>D&amp;octor</source>
        <translation>医生(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/appointments.py" line="254"/>
        <source>&amp;Slot</source>
        <translation>时段(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/appointments.py" line="254"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/appointments.py" line="254"/>
        <source>P&amp;hone</source>
        <translation>电话(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/appointments.py" line="255"/>
        <source>Complaint</source>
        <translation>主诉</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/appointments.py" line="258"/>
        <source>&amp;Book (Ctrl+Enter)</source>
        <translation>预约(&amp;B)（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/appointments.py" line="259"/>
        <source>&amp;Move here</source>
        <translation>改约到此(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/appointments.py" line="260"/>
        <source>Cancel booking (Del)</source>
        <translation>取消预约（Del）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/appointments.py" line="261"/>
        <source>No-show (Ctrl+N)</source>
        <translation>未到（Ctrl+N）</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <location filename="../../frontdesk/ui/shell/main_window.py" line="40"/>
        <source>Reception</source>
        <translation>接待</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/main_window.py" line="42"/>
        <source>Queue board</source>
        <translatorcomment>variant: short label in the navigation list; the area itself says 候诊看板</translatorcomment>
        <translation>候诊</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/main_window.py" line="44"/>
        <source>Grooming check</source>
        <translation>仪容检查</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/main_window.py" line="46"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/main_window.py" line="48"/>
        <source>Follow-up calls</source>
        <translatorcomment>variant: short label in the navigation list; the area&apos;s heading says 电话回访</translatorcomment>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/main_window.py" line="50"/>
        <source>Admin</source>
        <translation>管理</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/main_window.py" line="52"/>
        <source>Service desk</source>
        <translation>客服中心</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/main_window.py" line="54"/>
        <source>Calling panel</source>
        <translation>叫号面板</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/main_window.py" line="57"/>
        <source>Handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/main_window.py" line="60"/>
        <source>Roster and staff</source>
        <translation>排班与考勤</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <location filename="../../frontdesk/ui/admin/audit.py" line="124"/>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/audit.py" line="124"/>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/audit.py" line="125"/>
        <source>&amp;Staff:</source>
        <translation>员工(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/audit.py" line="125"/>
        <source>&amp;Action:</source>
        <translation>操作(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/audit.py" line="127"/>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/audit.py" line="128"/>
        <source>To</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/audit.py" line="129"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/audit.py" line="130"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/audit.py" line="131"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/audit.py" line="132"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/audit.py" line="141"/>
        <source>everyone</source>
        <translation>全部员工</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/audit.py" line="149"/>
        <source>all actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/audit.py" line="170"/>
        <source>Showing the newest {n} entries; narrow the filter to see older ones.</source>
        <translation>只显示最新的 {n} 条；请缩小筛选范围查看更早的记录。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/audit.py" line="173"/>
        <source>Entries: {n}</source>
        <translation>共 {n} 条</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../frontdesk/ui/admin/audit.py" line="34"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/audit.py" line="35"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/audit.py" line="36"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/audit.py" line="37"/>
        <source>Record</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/audit.py" line="38"/>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/audit.py" line="39"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/audit.py" line="51"/>
        <source>(system)</source>
        <translation>（系统）</translation>
    </message>
</context>
<context>
    <name>BackupTab</name>
    <message>
        <location filename="../../frontdesk/ui/admin/backup.py" line="67"/>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/backup.py" line="68"/>
        <source>&amp;Restore selected…</source>
        <translation>恢复所选备份(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/backup.py" line="69"/>
        <source>Restore from &amp;file…</source>
        <translation>从文件恢复(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/backup.py" line="70"/>
        <source>Backup taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/backup.py" line="70"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/backup.py" line="71"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/backup.py" line="88"/>
        <source>Backups are kept in {folder}</source>
        <translation>备份保存在 {folder}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/backup.py" line="102"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/backup.py" line="110"/>
        <source>Backup written and verified: {path}</source>
        <translation>备份已写入并通过检查：{path}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/backup.py" line="118"/>
        <source>The operation failed: {error}</source>
        <translation>操作失败：{error}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/backup.py" line="124"/>
        <source>Select a backup in the list first.</source>
        <translation>请先在列表中选择一个备份。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/backup.py" line="135"/>
        <source>Restore from file</source>
        <translation>从文件恢复</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/backup.py" line="136"/>
        <source>Frontdesk backups (*.sqlite3)</source>
        <translation>Frontdesk 备份 (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/backup.py" line="143"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/backup.py" line="144"/>
        <source>Replace all current data with the backup {name}? The current database is kept aside first.</source>
        <translation>用备份 {name} 替换当前全部数据吗？当前数据库会先另存一份。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/backup.py" line="150"/>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/backup.py" line="171"/>
        <source>Restored from {name}. The previous database was kept as {aside}.</source>
        <translation>已从 {name} 恢复。原数据库已另存为 {aside}。</translation>
    </message>
</context>
<context>
    <name>BillingPanel</name>
    <message>
        <location filename="../../frontdesk/ui/reception/billing.py" line="124"/>
        <source>To pay: {amount}</source>
        <translation>应缴：{amount}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/billing.py" line="127"/>
        <source>Fee waived: {reason}. No payment is needed.</source>
        <translation>已免挂号费：{reason}，无需缴费。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/billing.py" line="131"/>
        <source>Deferred fee waived (Enter)</source>
        <translation>补缴费用已减免 (Enter)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/billing.py" line="132"/>
        <source>Deferred fee paid at the cashier (Enter)</source>
        <translation>已在收费处补缴 (Enter)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/billing.py" line="134"/>
        <source>Fee waived — next (Enter)</source>
        <translation>已免费，下一步 (Enter)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/billing.py" line="136"/>
        <source>Paid at the cashier — next (Enter)</source>
        <translation>已缴费，下一步 (Enter)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/billing.py" line="140"/>
        <source>Deferred registration fee (treated first)</source>
        <translation>补缴挂号费（先救治后缴费）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/billing.py" line="141"/>
        <source>Registration fee</source>
        <translation>挂号费</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/billing.py" line="142"/>
        <source>Print billing slip (Ctrl+P)</source>
        <translation>打印缴费单 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/billing.py" line="143"/>
        <source>Print billing slip</source>
        <translation>打印缴费单</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/billing.py" line="144"/>
        <source>Print guide slip (Ctrl+G)</source>
        <translation>打印导诊单 (Ctrl+G)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/billing.py" line="145"/>
        <source>Print guide slip</source>
        <translation>打印导诊单</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/billing.py" line="146"/>
        <source>VIP card…</source>
        <translation>VIP 卡…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/billing.py" line="147"/>
        <source>Set the patient&apos;s VIP card</source>
        <translation>设置患者的 VIP 卡</translation>
    </message>
</context>
<context>
    <name>BoardModel</name>
    <message>
        <location filename="../../frontdesk/ui/queue/board.py" line="56"/>
        <source>No.</source>
        <translation>号</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/board.py" line="56"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/board.py" line="56"/>
        <source>Stage</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/board.py" line="56"/>
        <source>Waited</source>
        <translation>已等候</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/board.py" line="81"/>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/board.py" line="93"/>
        <source>waited {n} min</source>
        <translation>已等候 {n} 分钟</translation>
    </message>
</context>
<context>
    <name>CallingModel</name>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="70"/>
        <source>#</source>
        <translation>序</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="70"/>
        <source>No.</source>
        <translation>号</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="71"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="72"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="73"/>
        <source>Why here</source>
        <translation>排序原因</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="74"/>
        <source>Waited</source>
        <translation>已等候</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="100"/>
        <source> ×{n}</source>
        <translation> ×{n}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="107"/>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
</context>
<context>
    <name>CallingPanel</name>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="52"/>
        <source>Call next</source>
        <translation>叫下一位</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="53"/>
        <source>Recall</source>
        <translation>复呼</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="54"/>
        <source>Missed</source>
        <translation>过号</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="55"/>
        <source>Start consultation</source>
        <translation>开始就诊</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="56"/>
        <source>Finished</source>
        <translation>就诊结束</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="57"/>
        <source>Sent for tests</source>
        <translation>去做检查</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="58"/>
        <source>Back from tests</source>
        <translatorcomment>variant: the calling key, the 分诊叫号 term for a patient returning with results</translatorcomment>
        <translation>检查回来</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="59"/>
        <source>Back in line</source>
        <translation>过号重排</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="60"/>
        <source>Transfer…</source>
        <translation>转诊…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="61"/>
        <location filename="../../frontdesk/ui/queue/calling.py" line="441"/>
        <source>Pause clinic…</source>
        <translation>停诊…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="62"/>
        <source>Priority…</source>
        <translation>优先类别…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="276"/>
        <location filename="../../frontdesk/ui/queue/calling.py" line="462"/>
        <source>Any doctor</source>
        <translation>任一医生</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="306"/>
        <source>Clinic paused.</source>
        <translation>本诊室已停诊。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="308"/>
        <source>Reason: {reason}.</source>
        <translation>原因：{reason}。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="309"/>
        <source>No calls until it resumes (F11); transfer the waiting patients (F10).</source>
        <translation>恢复门诊（F11）前不能叫号；请把候诊患者转诊（F10）。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="317"/>
        <source>No one called. Next: {who}</source>
        <translation>尚未叫号。下一位：{who}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="319"/>
        <source>nobody waiting</source>
        <translation>无人候诊</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="320"/>
        <source>{w} waiting · {a} aside</source>
        <translation>候诊 {w} 人 · 过号/检查 {a} 人</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="349"/>
        <source>Your role may not call patients.</source>
        <translation>您的角色不能叫号。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="353"/>
        <source>Choose a department.</source>
        <translation>请选择科室。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="370"/>
        <source>Select a patient in the queue first (↑/↓).</source>
        <translation>请先在队列中选择一位患者（↑/↓）。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="441"/>
        <source>Resume clinic</source>
        <translation>恢复门诊</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="451"/>
        <location filename="../../frontdesk/ui/queue/calling.py" line="453"/>
        <source>Calling panel</source>
        <translation>叫号面板</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="452"/>
        <source>Queue rules…  (Ctrl+F12)</source>
        <translation>排队规则…（Ctrl+F12）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="454"/>
        <source>&amp;Department</source>
        <translation>科室(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="455"/>
        <source>Doc&amp;tor</source>
        <translation>医生(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="456"/>
        <source>&amp;Room</source>
        <translation>诊室(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling.py" line="457"/>
        <source>e.g. Room 3</source>
        <translation>如：3 诊室</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_check.py" line="241"/>
        <source>Grooming check: {name}</source>
        <translation>仪容检查：{name}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_check.py" line="242"/>
        <source>not on the roster</source>
        <translation>不在排班表上</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_check.py" line="243"/>
        <source>{name} — {day}, {shift}</source>
        <translation>{name} — {day}，{shift}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_check.py" line="247"/>
        <source>Every item passes unless marked. Space or a click on the result toggles a failure; C marks it corrected on the spot (still fined); type a row number to jump; F2 edits the note.</source>
        <translation>所有项目默认合格。空格键或点击“结果”切换不合格；C 键标记“已当场纠正”（仍需罚款）；输入序号跳到该行；F2 填写备注。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_check.py" line="249"/>
        <source>No.</source>
        <translatorcomment>variant: row number of the checklist; 号 elsewhere is a queue ticket number</translatorcomment>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_check.py" line="249"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_check.py" line="249"/>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_check.py" line="249"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_check.py" line="250"/>
        <location filename="../../frontdesk/ui/staffing/grooming_check.py" line="319"/>
        <source>Corrected</source>
        <translation>已当场纠正</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_check.py" line="250"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_check.py" line="250"/>
        <source>Fine (yuan)</source>
        <translation>罚款（元）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_check.py" line="251"/>
        <source>Checklist</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_check.py" line="252"/>
        <source>Reason for checking:</source>
        <translation>检查原因：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_check.py" line="253"/>
        <source>Reason for checking someone not on the roster</source>
        <translation>检查未排班员工的原因</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_check.py" line="254"/>
        <source>e.g. covering a swapped shift</source>
        <translation>例如：调班顶岗</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_check.py" line="255"/>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_check.py" line="256"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_check.py" line="257"/>
        <source>&amp;Save check</source>
        <translation>保存检查(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_check.py" line="258"/>
        <source>Save check</source>
        <translation>保存检查</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_check.py" line="259"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_check.py" line="315"/>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_check.py" line="315"/>
        <source>FAIL</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_check.py" line="317"/>
        <source>FAIL (fined earlier this shift)</source>
        <translation>不合格（本班已罚）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_check.py" line="336"/>
        <source>{count} failed · fines {total} yuan</source>
        <translation>不合格 {count} 项 · 罚款 {total} 元</translation>
    </message>
</context>
<context>
    <name>ClinicPanel</name>
    <message>
        <location filename="../../frontdesk/ui/queue/display.py" line="170"/>
        <source>In consultation</source>
        <translation>就诊中</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/display.py" line="179"/>
        <source>next</source>
        <translation>下一位</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/display.py" line="180"/>
        <source>{n} ahead</source>
        <translation>前面 {n} 人</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/display.py" line="183"/>
        <source>{n} waiting</source>
        <translation>{n} 人候诊</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/display.py" line="181"/>
        <source>Clinic paused</source>
        <translation>暂停门诊</translation>
    </message>
</context>
<context>
    <name>ClinicRulesDialog</name>
    <message>
        <location filename="../../frontdesk/ui/queue/clinic_rules_dialog.py" line="29"/>
        <source>After N more patients</source>
        <translation>再叫 N 位之后</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/clinic_rules_dialog.py" line="32"/>
        <location filename="../../frontdesk/ui/queue/clinic_rules_dialog.py" line="38"/>
        <source>At the end of the session</source>
        <translation>排到本时段末</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/clinic_rules_dialog.py" line="33"/>
        <source>Waits as a walk-in</source>
        <translation>按普通排队</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/clinic_rules_dialog.py" line="35"/>
        <source>Keeps the booking&apos;s priority</source>
        <translation>仍按预约优先</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/clinic_rules_dialog.py" line="40"/>
        <source>Only the difference, if dearer</source>
        <translation>只补差价（新医生更贵时）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/clinic_rules_dialog.py" line="42"/>
        <source>A new fee in full</source>
        <translation>重新收全额挂号费</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/clinic_rules_dialog.py" line="43"/>
        <source>Nothing more</source>
        <translation>不再收费</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/clinic_rules_dialog.py" line="52"/>
        <source>Queue rules</source>
        <translation>排队规则</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/clinic_rules_dialog.py" line="78"/>
        <source>&amp;Priority order (Space: on/off, Ctrl+↑/↓: move)</source>
        <translation>优先顺序(&amp;P)（空格：启用/停用，Ctrl+↑/↓：移动）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/clinic_rules_dialog.py" line="79"/>
        <source>&amp;Elderly from age</source>
        <translation>老年人年龄起点(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/clinic_rules_dialog.py" line="80"/>
        <source>&amp;Missed turn goes back</source>
        <translation>过号后重新排队(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/clinic_rules_dialog.py" line="81"/>
        <source>… after &amp;N more patients</source>
        <translation>……再隔几位(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/clinic_rules_dialog.py" line="82"/>
        <source>&amp;Sessions end at (HH:MM, comma between)</source>
        <translation>时段结束时间(&amp;S)（时:分，用逗号分隔）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/clinic_rules_dialog.py" line="83"/>
        <source>Booking counts from (minutes &amp;before the slot)</source>
        <translation>预约提前生效（分钟）(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/clinic_rules_dialog.py" line="84"/>
        <source>&amp;Late after (minutes past the slot)</source>
        <translation>超过预约时间多久算迟到（分钟）(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/clinic_rules_dialog.py" line="85"/>
        <source>A l&amp;ate booked patient</source>
        <translation>预约迟到的患者(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/clinic_rules_dialog.py" line="86"/>
        <source>&amp;Transfer to another department pays</source>
        <translation>转到其他科室的费用(&amp;T)</translation>
    </message>
</context>
<context>
    <name>ClosedStep</name>
    <message>
        <location filename="../../frontdesk/ui/reception/steps.py" line="292"/>
        <source>The patient left: {reason}</source>
        <translation>患者已离开：{reason}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/steps.py" line="295"/>
        <source>With the doctor; the escort is back at the post. This visit is complete.</source>
        <translation>患者已交给医生，陪诊人员已返回岗位。本次接待已完成。</translation>
    </message>
</context>
<context>
    <name>ComplaintModel</name>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="45"/>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="46"/>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="47"/>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="48"/>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="49"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="50"/>
        <source>Handle by</source>
        <translation>处理期限</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="51"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="75"/>
        <source>not handled</source>
        <translation>未按时处理</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="76"/>
        <source>no revisit</source>
        <translation>未按时回访</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="77"/>
        <source>not closed</source>
        <translation>未按时结案</translation>
    </message>
</context>
<context>
    <name>ComplaintPanel</name>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="210"/>
        <source>Your role does not take complaints.</source>
        <translation>您的角色不能受理投诉。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="221"/>
        <source>⚠ Complaints overdue: {n} — see the red rows</source>
        <translation>⚠ 逾期投诉：{n} 件——见红色行</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="269"/>
        <source>Select a complaint in the list.</source>
        <translation>请在列表中选择一条投诉。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="273"/>
        <source>Concerns: {who}</source>
        <translation>涉及人员：{who}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="274"/>
        <source>Handle by {handle}, close by {close}</source>
        <translation>处理期限 {handle}，结案期限 {close}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="277"/>
        <source>Revisit by {day}</source>
        <translation>回访期限 {day}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="279"/>
        <source>Resolution: {text}</source>
        <translation>处理结果：{text}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="281"/>
        <source>Compensation {amount} yuan, approved by: {role} ({state})</source>
        <translation>赔偿 {amount} 元，审批人：{role}（{state}）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="283"/>
        <source>approved</source>
        <translation>已审批</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="284"/>
        <source>waiting</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="309"/>
        <source>Complaint recorded; handle by {day}.</source>
        <translation>投诉已登记，须在 {day} 前处理。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="323"/>
        <source>Handled.</source>
        <translation>已处理。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="335"/>
        <source>Approval recorded.</source>
        <translation>审批已记录。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="345"/>
        <source>Revisit recorded.</source>
        <translation>回访已记录。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="355"/>
        <source>Complaint closed.</source>
        <translation>投诉已结案。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="361"/>
        <source>C&amp;hannel</source>
        <translation>渠道(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="361"/>
        <source>Se&amp;verity</source>
        <translation>级别(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="362"/>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="362"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="363"/>
        <source>Staff concerned</source>
        <translation>涉及人员</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="364"/>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="364"/>
        <source>&amp;What happened</source>
        <translation>投诉内容(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="367"/>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="367"/>
        <source>Compensation (yuan)</source>
        <translation>赔偿金额（元）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="368"/>
        <source>Approver&apos;s role</source>
        <translation>审批人职务</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="369"/>
        <source>Approver&apos;s name</source>
        <translation>审批人姓名</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="370"/>
        <source>Revisit outcome</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="370"/>
        <source>Revisit notes</source>
        <translation>回访记录</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="381"/>
        <source>New complaint</source>
        <translation>新投诉</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="382"/>
        <source>Selected complaint</source>
        <translation>所选投诉</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="383"/>
        <source>&amp;Record (Ctrl+Enter)</source>
        <translation>登记(&amp;R)（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="384"/>
        <source>Mark &amp;handled</source>
        <translation>已处理(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="385"/>
        <source>Record &amp;approval</source>
        <translation>记录审批(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="386"/>
        <source>Record re&amp;visit</source>
        <translation>记录回访(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/complaints.py" line="387"/>
        <source>C&amp;lose complaint</source>
        <translation>结案(&amp;L)</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <location filename="../../frontdesk/ui/shell/live.py" line="48"/>
        <source>Connection to the server lost. Reconnecting…</source>
        <translation>与服务器的连接已断开，正在重连…</translation>
    </message>
</context>
<context>
    <name>ConsultationModel</name>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="47"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="48"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="49"/>
        <source>Caller</source>
        <translation>咨询人</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="50"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="51"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="52"/>
        <source>Answered by</source>
        <translation>接待人</translation>
    </message>
</context>
<context>
    <name>ConsultationPanel</name>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="231"/>
        <source>Your role does not take consultations.</source>
        <translation>您的角色不能登记咨询。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="265"/>
        <source>Saved: {name} {time}</source>
        <translation>已保存：{name} {time}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="266"/>
        <source>(no name)</source>
        <translation>（未留姓名）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="288"/>
        <location filename="../../frontdesk/ui/service/consultations.py" line="339"/>
        <source>&amp;Save (Ctrl+Enter)</source>
        <translation>保存(&amp;S)（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="307"/>
        <location filename="../../frontdesk/ui/service/consultations.py" line="340"/>
        <source>&amp;Save changes (Ctrl+Enter)</source>
        <translation>保存修改(&amp;S)（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="313"/>
        <source>C&amp;hannel</source>
        <translation>渠道(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="313"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="313"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="314"/>
        <source>&amp;Age</source>
        <translation>年龄(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="314"/>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="314"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="315"/>
        <source>Duration</source>
        <translation>病程</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="315"/>
        <source>History</source>
        <translation>病史</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="316"/>
        <source>Disease</source>
        <translation>病种</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="316"/>
        <source>Intention</source>
        <translation>就诊意向</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="317"/>
        <source>Concerns</source>
        <translation>关心内容</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="317"/>
        <source>Health question</source>
        <translation>健康咨询</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="318"/>
        <source>Price comparison</source>
        <translation>价格比对</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="318"/>
        <source>Habits</source>
        <translation>消费习惯</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="319"/>
        <source>Economic status</source>
        <translation>经济状况</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="319"/>
        <source>Person type</source>
        <translation>人员类型</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="320"/>
        <source>&amp;Media</source>
        <translation>媒体来源(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="320"/>
        <source>Source</source>
        <translation>具体来源</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="321"/>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="321"/>
        <source>&amp;Outcome</source>
        <translation>咨询结果(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="322"/>
        <source>Call back</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="322"/>
        <source>Call-back date</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="323"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="334"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="334"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="336"/>
        <source>Call this person back</source>
        <translation>需要回访</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="337"/>
        <source>General</source>
        <translation>一般性登记</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="338"/>
        <source>Targeted</source>
        <translation>定向性登记</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="341"/>
        <source>Ne&amp;w</source>
        <translation>新建(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="342"/>
        <source>Consultation book</source>
        <translation>咨询登记簿</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="343"/>
        <source>Today&apos;s consultations</source>
        <translation>今日咨询</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/consultations.py" line="344"/>
        <source>Call-backs due (caller not come yet)</source>
        <translation>待回访（尚未来院）</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../frontdesk/ui/shell/crash.py" line="96"/>
        <source>Something went wrong</source>
        <translation>出了点问题</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/crash.py" line="97"/>
        <source>Something went wrong; what you saved is safe.</source>
        <translation>出了点问题；已保存的内容都在。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/crash.py" line="98"/>
        <source>You can close this message and carry on. If it happens again, copy the details and send them to IT.</source>
        <translation>可以关闭此提示继续工作。如果再次出现，请复制详细信息发给信息科。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/crash.py" line="100"/>
        <source>&amp;Copy details</source>
        <translation>复制详细信息(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/crash.py" line="101"/>
        <source>Copy details for IT</source>
        <translation>复制详细信息给信息科</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/crash.py" line="102"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/crash.py" line="106"/>
        <source>Copied. Paste it into the message to IT.</source>
        <translation>已复制，请粘贴到发给信息科的消息里。</translation>
    </message>
</context>
<context>
    <name>CredentialsForm</name>
    <message>
        <location filename="../../frontdesk/ui/shell/login.py" line="67"/>
        <source>&amp;Username</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/login.py" line="68"/>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/login.py" line="70"/>
        <source>&amp;Password or PIN</source>
        <translation>密码或 PIN 码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/login.py" line="71"/>
        <source>Password or PIN</source>
        <translation>密码或 PIN 码</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/login.py" line="73"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/login.py" line="74"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>DeferredBillingPanel</name>
    <message>
        <location filename="../../frontdesk/ui/reception/deferred.py" line="57"/>
        <source>no record yet</source>
        <translation>尚未建档</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/deferred.py" line="59"/>
        <source>to pay {amount}</source>
        <translation>待缴 {amount}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/deferred.py" line="61"/>
        <source>to register</source>
        <translation>待补登记</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/deferred.py" line="68"/>
        <source>Deferred billing · {n} to complete</source>
        <translation>先救治后缴费 · 待补办 {n} 人</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/deferred.py" line="72"/>
        <source>Red-flag visits whose billing is still open</source>
        <translation>尚未缴费的危急症状就诊</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/deferred.py" line="73"/>
        <source>Treated first, not paid yet: register and bill them once the emergency is over</source>
        <translation>已先救治、尚未缴费：抢救结束后请补办登记和缴费</translation>
    </message>
</context>
<context>
    <name>DepartmentCard</name>
    <message>
        <location filename="../../frontdesk/ui/queue/board.py" line="142"/>
        <source>{name} · {n} waiting</source>
        <translation>{name} · 候诊 {n} 人</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/board.py" line="144"/>
        <source>{n} called</source>
        <translation>已叫号 {n} 人</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/board.py" line="146"/>
        <source>{n} at the desk</source>
        <translation>前台办理中 {n} 人</translation>
    </message>
</context>
<context>
    <name>DepartmentsTab</name>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="291"/>
        <source>Code:</source>
        <translation>代码：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="292"/>
        <source>Name (Chinese):</source>
        <translation>名称（中文）：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="293"/>
        <source>Name (English):</source>
        <translation>名称（英文）：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="294"/>
        <source>Queue prefix (Chinese):</source>
        <translation>排队号前缀（中文）：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="295"/>
        <source>Queue prefix (English):</source>
        <translation>排队号前缀（英文）：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="296"/>
        <source>Rooms:</source>
        <translation>诊室：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="297"/>
        <source>Floor:</source>
        <translation>楼层：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="298"/>
        <source>Directions (Chinese):</source>
        <translation>路线（中文）：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="299"/>
        <source>Directions (English):</source>
        <translation>路线（英文）：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="300"/>
        <source>Emergency:</source>
        <translation>急诊科室：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="304"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="304"/>
        <source>Name</source>
        <translatorcomment>variant: 名称 names a department, 姓名 a person</translatorcomment>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="304"/>
        <source>Prefix</source>
        <translation>前缀</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="304"/>
        <source>Rooms</source>
        <translation>诊室</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="305"/>
        <source>In use</source>
        <translation>启用</translation>
    </message>
</context>
<context>
    <name>DeskSettingsPanel</name>
    <message>
        <location filename="../../frontdesk/ui/service/desk_settings.py" line="144"/>
        <source>working day</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/desk_settings.py" line="144"/>
        <source>holiday</source>
        <translation>休息</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/desk_settings.py" line="180"/>
        <source>Saved {name}.</source>
        <translation>已保存：{name}。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/desk_settings.py" line="188"/>
        <location filename="../../frontdesk/ui/service/desk_settings.py" line="194"/>
        <source>Calendar updated.</source>
        <translation>工作日历已更新。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/desk_settings.py" line="200"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/desk_settings.py" line="204"/>
        <source>Media source</source>
        <translation>媒体来源</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/desk_settings.py" line="204"/>
        <location filename="../../frontdesk/ui/service/desk_settings.py" line="206"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/desk_settings.py" line="206"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/desk_settings.py" line="207"/>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/desk_settings.py" line="207"/>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/desk_settings.py" line="208"/>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/desk_settings.py" line="210"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/desk_settings.py" line="210"/>
        <source>Day type</source>
        <translation>日期类型</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/desk_settings.py" line="211"/>
        <source>Holiday name</source>
        <translation>节日名称</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/desk_settings.py" line="213"/>
        <source>Holiday (no work)</source>
        <translation>节假日（休息）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/desk_settings.py" line="214"/>
        <source>Make-up working day</source>
        <translation>调休上班日</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/desk_settings.py" line="215"/>
        <source>Media sources (two levels)</source>
        <translation>媒体来源（两级）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/desk_settings.py" line="216"/>
        <source>Working-day calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/desk_settings.py" line="217"/>
        <source>&amp;Add</source>
        <translation>新增(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/desk_settings.py" line="218"/>
        <source>&amp;Save selected</source>
        <translation>保存所选(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/desk_settings.py" line="219"/>
        <source>Set &amp;day</source>
        <translation>设置日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/desk_settings.py" line="220"/>
        <source>&amp;Remove day</source>
        <translation>删除日期(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/desk_settings.py" line="221"/>
        <source>Failed call attempts before a follow-up closes:</source>
        <translation>回访未接通几次后结束：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/desk_settings.py" line="222"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>DeskView</name>
    <message>
        <location filename="../../frontdesk/ui/reception/desk/view.py" line="379"/>
        <source>No one is waiting for the desk.</source>
        <translation>目前没有等待接待的患者。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/desk/view.py" line="629"/>
        <source>Another desk has just taken this patient; the list is refreshed. Press F4 for the next one.</source>
        <translation>这位患者刚刚已由其他导医台接待，列表已刷新。请按 F4 接待下一位。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/desk/view.py" line="622"/>
        <source>The visit was reloaded; what you typed is kept.</source>
        <translation>已重新载入这次就诊，您填写的内容已保留。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/desk/view.py" line="717"/>
        <source>Deferred fee recorded: this visit&apos;s billing is complete.</source>
        <translation>已记录补缴费用，这次就诊的缴费已完成。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/desk/view.py" line="737"/>
        <source>No VIP card</source>
        <translation>无 VIP 卡</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/desk/view.py" line="737"/>
        <source>Gold card</source>
        <translation>金卡</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/desk/view.py" line="738"/>
        <source>Diamond card</source>
        <translation>钻卡</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/desk/view.py" line="741"/>
        <source>VIP card</source>
        <translation>VIP 卡</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/desk/view.py" line="742"/>
        <source>The patient&apos;s VIP card:</source>
        <translation>患者的 VIP 卡：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/desk/view.py" line="753"/>
        <source>Back at post. Ready for the next patient (F4).</source>
        <translation>已返回岗位，可以接待下一位 (F4)。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/desk/view.py" line="774"/>
        <source>Choose a patient on the left, or press F4 for the next one waiting.</source>
        <translation>请在左侧选择患者，或按 F4 接待下一位。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/desk/view.py" line="775"/>
        <source>Patient left… (F8)</source>
        <translation>患者离开… (F8)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/desk/view.py" line="776"/>
        <source>Patient left</source>
        <translation>患者离开</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/desk/view.py" line="777"/>
        <source>Scan or type visit No. (Ctrl+K)</source>
        <translation>扫码或输入就诊号 (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/desk/view.py" line="781"/>
        <source>Visit number</source>
        <translation>就诊号</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/desk/view.py" line="782"/>
        <source>Next waiting patient (F4)</source>
        <translation>接待下一位 (F4)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/desk/view.py" line="783"/>
        <source>Next waiting patient</source>
        <translation>接待下一位</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/desk/view.py" line="784"/>
        <source>Register and bill now (F7)</source>
        <translation>补办登记缴费 (F7)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/desk/view.py" line="785"/>
        <source>Register and bill a red-flag patient</source>
        <translation>为危急症状患者补办登记缴费</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/desk/view.py" line="787"/>
        <source>Treated first: complete this patient&apos;s registration and billing now</source>
        <translation>已先救治：现在为这位患者补办登记和缴费</translation>
    </message>
</context>
<context>
    <name>DisplaySetupDialog</name>
    <message>
        <location filename="../../frontdesk/ui/queue/display_setup.py" line="168"/>
        <source>Waiting-room display</source>
        <translation>候诊叫号屏</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/display_setup.py" line="169"/>
        <source>Display</source>
        <translation>叫号屏</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/display_setup.py" line="170"/>
        <source>Voice</source>
        <translation>语音</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/display_setup.py" line="171"/>
        <source>Notice and broadcast</source>
        <translation>通知与广播</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/display_setup.py" line="172"/>
        <source>Departments</source>
        <translation>科室</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/display_setup.py" line="173"/>
        <source>Screen</source>
        <translation>屏幕</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/display_setup.py" line="174"/>
        <source>Announce calls on this PC&apos;s speakers</source>
        <translation>用本机音箱播报叫号</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/display_setup.py" line="175"/>
        <source>&amp;Open the display</source>
        <translation>打开叫号屏(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/display_setup.py" line="176"/>
        <source>No department ticked: every department with patients waiting. F11 switches full screen, Esc leaves it. On a PC that does nothing else, start it with: frontdesk display</source>
        <translation>不勾选科室即显示所有有患者候诊的科室。F11 切换全屏，Esc 退出全屏。专用的叫号电脑可用命令 frontdesk display 直接启动。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/display_setup.py" line="179"/>
        <source>Scrolling notice</source>
        <translation>滚动通知</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/display_setup.py" line="180"/>
        <source>Emergency broadcast</source>
        <translation>紧急广播</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/display_setup.py" line="181"/>
        <source>Show for</source>
        <translation>显示时长</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/display_setup.py" line="182"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/display_setup.py" line="183"/>
        <source>Save notice</source>
        <translation>保存通知</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/display_setup.py" line="184"/>
        <source>&amp;Broadcast now</source>
        <translation>立即广播(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/display_setup.py" line="185"/>
        <source>Stop the broadcast</source>
        <translation>停止广播</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/display_setup.py" line="189"/>
        <source>Screen {n}: {w} × {h}</source>
        <translation>屏幕 {n}：{w} × {h}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/display_setup.py" line="256"/>
        <source>No broadcast on the displays.</source>
        <translation>叫号屏上没有广播。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/display_setup.py" line="258"/>
        <source>On the displays until {time}: {text}</source>
        <translation>叫号屏显示至 {time}：{text}</translation>
    </message>
</context>
<context>
    <name>DisplayWindow</name>
    <message>
        <location filename="../../frontdesk/ui/queue/display.py" line="296"/>
        <source>{hospital} · Waiting room</source>
        <translation>{hospital} · 候诊叫号</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/display.py" line="297"/>
        <source>Waiting room</source>
        <translation>候诊</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/display.py" line="298"/>
        <source>Welcome. Please wait to be called.</source>
        <translation>欢迎就诊，请留意叫号。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/display.py" line="299"/>
        <source>Connection to the server lost; showing the last known queue. Reconnecting…</source>
        <translation>与服务器的连接已断开，显示的是最后的候诊信息，正在重新连接…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/display.py" line="444"/>
        <source>Now calling</source>
        <translation>正在呼叫</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/display.py" line="445"/>
        <source>Calling again</source>
        <translation>再次呼叫</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/display.py" line="446"/>
        <source>Missed turn</source>
        <translation>已过号</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/display.py" line="447"/>
        <source>Back from tests</source>
        <translation>检查返回</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/display.py" line="452"/>
        <source>Please see the triage desk</source>
        <translation>请到分诊台报到</translation>
    </message>
</context>
<context>
    <name>DoctorsTab</name>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="456"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="457"/>
        <source>Department:</source>
        <translation>科室：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="458"/>
        <source>Fee class:</source>
        <translation>号别：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="459"/>
        <source>Title (Chinese):</source>
        <translation>职称（中文）：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="460"/>
        <source>Title (English):</source>
        <translation>职称（英文）：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="461"/>
        <source>Specialty (Chinese):</source>
        <translation>专长（中文）：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="462"/>
        <source>Specialty (English):</source>
        <translation>专长（英文）：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="463"/>
        <source>Weekly schedule</source>
        <translation>每周出诊时间</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="464"/>
        <source>Monday:</source>
        <translation>周一：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="464"/>
        <source>Tuesday:</source>
        <translation>周二：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="464"/>
        <source>Wednesday:</source>
        <translation>周三：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="465"/>
        <source>Thursday:</source>
        <translation>周四：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="465"/>
        <source>Friday:</source>
        <translation>周五：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="465"/>
        <source>Saturday:</source>
        <translation>周六：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="465"/>
        <source>Sunday:</source>
        <translation>周日：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="470"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="470"/>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="470"/>
        <source>Title</source>
        <translation>职称</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="470"/>
        <source>Fee (yuan)</source>
        <translation>挂号费（元）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="471"/>
        <source>In use</source>
        <translation>启用</translation>
    </message>
</context>
<context>
    <name>DoorPanel</name>
    <message>
        <location filename="../../frontdesk/ui/reception/door.py" line="335"/>
        <source>Answer both questions first.</source>
        <translation>请先问完两个问题。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/door.py" line="319"/>
        <source>Booked: {name} · {dept}{when}</source>
        <translation>已预约：{name} · {dept}{when}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/door.py" line="352"/>
        <source>Ticket {ticket}: handed over to the desk. Back to your post.</source>
        <translation>{ticket} 号已交给导医台。请回到岗位。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/door.py" line="369"/>
        <source>Say: “Your number is {ticket}. Please wait at the desk, {address}.”</source>
        <translation>请说：“{address}，您的号码是 {ticket}，请到导医台稍候。”</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/door.py" line="442"/>
        <source>Log in to record arrivals.</source>
        <translation>请先登录，再登记新到患者。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/door.py" line="448"/>
        <source>New patient arrived (F2)</source>
        <translation>新患者到达 (F2)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/door.py" line="449"/>
        <source>New patient arrived</source>
        <translation>新患者到达</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/door.py" line="451"/>
        <source>Booked? Scan the booking code or ID card, or type the phone (F3)</source>
        <translation>已预约？扫预约码或身份证，或输入手机号（F3）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/door.py" line="452"/>
        <source>Booking code, ID card or phone number</source>
        <translation>预约码、身份证号或手机号</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/door.py" line="453"/>
        <source>Check in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/door.py" line="454"/>
        <source>Have you booked an appointment?</source>
        <translation>请问您预约过吗？</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/door.py" line="455"/>
        <source>Is this your first visit to us?</source>
        <translation>请问您是第一次来我们医院吗？</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/door.py" line="456"/>
        <source>Booked (1)</source>
        <translation>预约过 (1)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/door.py" line="457"/>
        <source>Not booked (2)</source>
        <translation>没有预约 (2)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/door.py" line="458"/>
        <source>First visit (3)</source>
        <translation>第一次来 (3)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/door.py" line="459"/>
        <source>Been before (4)</source>
        <translation>以前来过 (4)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/door.py" line="460"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/door.py" line="461"/>
        <source>Male (5)</source>
        <translation>男 (5)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/door.py" line="462"/>
        <source>Female (6)</source>
        <translation>女 (6)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/door.py" line="463"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/door.py" line="464"/>
        <source>Child (7)</source>
        <translation>儿童 (7)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/door.py" line="465"/>
        <source>Adult (8)</source>
        <translation>成人 (8)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/door.py" line="466"/>
        <source>Elder (9)</source>
        <translation>老人 (9)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/door.py" line="469"/>
        <source>&amp;Surname or name:</source>
        <translation>姓氏或姓名(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/door.py" line="470"/>
        <source>optional, e.g. Wang</source>
        <translation>可不填，如：王</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/door.py" line="471"/>
        <source>&amp;Priority:</source>
        <translation>优先(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/door.py" line="476"/>
        <source>Hand over to the desk (Enter)</source>
        <translation>交给导医台 (Enter)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/door.py" line="477"/>
        <source>Hand over to the desk</source>
        <translation>交给导医台</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/door.py" line="478"/>
        <source>Start again (Esc)</source>
        <translation>重新开始 (Esc)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/door.py" line="479"/>
        <source>Print ticket (F6)</source>
        <translation>打印小票 (F6)</translation>
    </message>
</context>
<context>
    <name>DuplicateWarning</name>
    <message>
        <location filename="../../frontdesk/ui/reception/steps.py" line="220"/>
        <source>This may be a patient we already have. Use the existing record unless you are sure it is someone else.</source>
        <translation>这可能是已有档案的患者。除非确定是另一个人，请使用已有档案。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/steps.py" line="222"/>
        <source>Same person: use this record (Enter)</source>
        <translation>是同一人：使用此档案 (Enter)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/steps.py" line="223"/>
        <source>Someone else: create a new record</source>
        <translation>不是同一人：新建档案</translation>
    </message>
</context>
<context>
    <name>EarlyLeaveDialog</name>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="330"/>
        <source>Early leave: {name}</source>
        <translation>早退：{name}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="334"/>
        <source>Time the person left</source>
        <translation>离岗时间</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="339"/>
        <source>Record and fine</source>
        <translation>记录并罚款</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="340"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="344"/>
        <source>Shift: {shift}, ends {end}</source>
        <translation>班次：{shift}，{end} 下班</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="346"/>
        <source>Left at:</source>
        <translation>离岗时间：</translation>
    </message>
</context>
<context>
    <name>EscortPanel</name>
    <message>
        <location filename="../../frontdesk/ui/reception/escort.py" line="134"/>
        <source>Choose who escorts the patient.</source>
        <translation>请选择陪诊人员。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/escort.py" line="156"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/escort.py" line="157"/>
        <source>{name} (with {number} since {time})</source>
        <translation>{name}（{time} 起陪同 {number}）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/escort.py" line="161"/>
        <source>Not in the list — still out with a patient: {people}. When they return, open that visit and press “Back at post”.</source>
        <translation>未列出——仍在陪诊中：{people}。回来后请打开那次就诊，按“已返回岗位”。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/escort.py" line="173"/>
        <source>No directions are set for this room.</source>
        <translation>该诊室尚未设置路线说明。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/escort.py" line="174"/>
        <source>any doctor on duty</source>
        <translation>在班医生</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/escort.py" line="175"/>
        <source>Doctor: {doctor}</source>
        <translation>医生：{doctor}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/escort.py" line="177"/>
        <source>⚠ Red flag: take the patient to Emergency now. The fee is paid later.</source>
        <translation>⚠ 危急症状：立即送往急诊，先救治后缴费。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/escort.py" line="181"/>
        <source>With the doctor. {name}, press “Back at post” when you are back.</source>
        <translation>已交给医生。{name}回到岗位后请按“已返回岗位”。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/escort.py" line="183"/>
        <source>The escort is back at the post.</source>
        <translation>陪诊人员已返回岗位。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/escort.py" line="188"/>
        <source>&amp;Escort:</source>
        <translation>陪诊人员(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/escort.py" line="189"/>
        <source>Escort</source>
        <translation>陪诊人员</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/escort.py" line="190"/>
        <source>Print guide slip (Ctrl+G)</source>
        <translation>打印导诊单 (Ctrl+G)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/escort.py" line="191"/>
        <source>Print guide slip</source>
        <translation>打印导诊单</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/escort.py" line="192"/>
        <source>Handed to the doctor (Enter)</source>
        <translation>已交给医生 (Enter)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/escort.py" line="193"/>
        <source>Handed to the doctor</source>
        <translation>已交给医生</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/escort.py" line="194"/>
        <source>Back at post (Enter)</source>
        <translation>已返回岗位 (Enter)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/escort.py" line="195"/>
        <source>Back at post</source>
        <translation>已返回岗位</translation>
    </message>
</context>
<context>
    <name>EtiquetteCoach</name>
    <message>
        <location filename="../../frontdesk/ui/reception/coach.py" line="256"/>
        <source>Show the etiquette coach ({key})</source>
        <translation>显示礼仪提示 ({key})</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/coach.py" line="257"/>
        <source>Fold the etiquette coach ({key})</source>
        <translation>收起礼仪提示 ({key})</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/coach.py" line="307"/>
        <source>What to say</source>
        <translation>怎么说</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/coach.py" line="308"/>
        <source>Say now</source>
        <translation>现在说</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/coach.py" line="309"/>
        <source>Any time</source>
        <translation>任何时候</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/coach.py" line="310"/>
        <source>Seeing off</source>
        <translation>送别</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/coach.py" line="311"/>
        <source>Never say</source>
        <translation>禁用语</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/coach.py" line="312"/>
        <source>Etiquette coach</source>
        <translation>礼仪提示</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/coach.py" line="348"/>
        <source>Address the patient as</source>
        <translation>对患者的称呼</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/coach.py" line="353"/>
        <source>Hand-over: {cue}</source>
        <translation>交接：{cue}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/coach.py" line="382"/>
        <source>Instead of “{word}” say: {phrase}</source>
        <translation>不说“{word}”，应说：{phrase}</translation>
    </message>
</context>
<context>
    <name>FeesTab</name>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="343"/>
        <source>Code:</source>
        <translation>代码：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="344"/>
        <source>Name (Chinese):</source>
        <translation>名称（中文）：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="345"/>
        <source>Name (English):</source>
        <translation>名称（英文）：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="346"/>
        <source>Registration fee (yuan):</source>
        <translation>挂号费（元）：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="350"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="350"/>
        <source>Name</source>
        <translatorcomment>variant: 名称 names a fee item, 姓名 a person</translatorcomment>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="350"/>
        <source>Fee (yuan)</source>
        <translation>挂号费（元）</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../frontdesk/ui/shell/first_run.py" line="30"/>
        <source>Welcome to Frontdesk</source>
        <translation>欢迎使用 Frontdesk</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/first_run.py" line="38"/>
        <source>Hospital name</source>
        <translation>医院名称</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/first_run.py" line="39"/>
        <source>Administrator&apos;s username</source>
        <translation>管理员用户名</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/first_run.py" line="40"/>
        <source>Administrator&apos;s name</source>
        <translation>管理员姓名</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/first_run.py" line="41"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/first_run.py" line="42"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/first_run.py" line="44"/>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/first_run.py" line="55"/>
        <source>Hospital name:</source>
        <translation>医院名称：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/first_run.py" line="58"/>
        <source>Username:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/first_run.py" line="59"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/first_run.py" line="60"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/first_run.py" line="61"/>
        <source>Password again:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/first_run.py" line="62"/>
        <source>PIN ({n} digits):</source>
        <translation>PIN 码（{n} 位数字）：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/first_run.py" line="77"/>
        <source>This is a new installation. Enter the hospital&apos;s name and create the first administrator. The house rules (departments, doctors, shifts, grooming items and fines) are then loaded; the administrator adds the staff and can edit the rules.</source>
        <translation>这是一个新安装。请输入医院名称并创建第一位管理员。随后将载入院内规章（科室、医生、班次、仪容检查项和罚款标准）；管理员再添加员工，并可修改规章。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/first_run.py" line="81"/>
        <source>Nobody can log in yet. Create the first administrator; they then add the staff under Admin.</source>
        <translation>目前还没有人能登录。请创建第一位管理员，由其在“管理”中添加员工。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/first_run.py" line="109"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>FollowUpArea</name>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="244"/>
        <source>Your role does not make follow-up calls.</source>
        <translation>您的角色不负责电话回访。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="284"/>
        <source>No call selected</source>
        <translation>未选择回访对象</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="285"/>
        <source>Nobody is waiting for a follow-up call.</source>
        <translation>目前没有需要回访的患者。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="288"/>
        <source>{name}  ☎ {phone}</source>
        <translation>{name}  ☎ {phone}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="292"/>
        <source>Earlier attempts:
{notes}</source>
        <translation>此前的回访记录：
{notes}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="298"/>
        <source>our hospital</source>
        <translation>我们医院</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="301"/>
        <location filename="../../frontdesk/ui/service/followups.py" line="315"/>
        <source>Hello, may I speak to {address}?</source>
        <translation>您好，请问是{address}吗？</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="316"/>
        <source>Hello {address}, this is the front desk of {hospital}. We would like to know how you have been since your visit.</source>
        <translation>{address}您好，我是{hospital}导医台，想了解一下您就诊后恢复得怎么样？</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="309"/>
        <source>Is the advice and medicine Dr {doctor} gave you clear? Is there anything we can help with?</source>
        <translation>{doctor}医生交代的注意事项和用药您都清楚吗？还有什么需要我们帮忙的吗？</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="312"/>
        <source>Is the advice and medicine the doctor gave you clear? Is there anything we can help with?</source>
        <translation>医生交代的注意事项和用药您都清楚吗？还有什么需要我们帮忙的吗？</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="306"/>
        <location filename="../../frontdesk/ui/service/followups.py" line="320"/>
        <source>Thank you for your time. We wish you good health!</source>
        <translation>感谢您抽空接听，祝您健康！</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="302"/>
        <source>Hello {address}, this is the front desk of {hospital}. You had an appointment with us on {day} and we missed you. Is everything all right? Would you like to book another time?</source>
        <translation>{address}您好，这里是{hospital}导医台。您 {day} 在我院有预约，但没能见到您。一切都好吗？需要帮您另约时间吗？</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="363"/>
        <source>{name}: not reached, call again on {day}.</source>
        <translation>{name}：未接通，{day} 再次回访。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="366"/>
        <source>{name}: follow-up call recorded.</source>
        <translation>{name}：回访已记录。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="367"/>
        <source>{name}: not reached, no further call.</source>
        <translation>{name}：未接通，不再回访。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="368"/>
        <source>{name}: declined the follow-up call.</source>
        <translation>{name}：谢绝回访。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="374"/>
        <source>Calls to make: {n}</source>
        <translation>待回访 {n} 人</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="377"/>
        <source>Follow-up calls</source>
        <translation>电话回访</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="378"/>
        <source>Call</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="379"/>
        <source>Patients to call</source>
        <translation>待回访患者</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="380"/>
        <source>&amp;Notes (what the patient said):</source>
        <translation>回访记录（患者反馈）(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="381"/>
        <source>Call notes</source>
        <translation>回访记录</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="382"/>
        <source>Recovery, questions, complaints…</source>
        <translation>恢复情况、疑问、意见……</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="383"/>
        <source>If not reached, call &amp;again on:</source>
        <translation>未接通时再次回访日期(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="384"/>
        <source>Retry date</source>
        <translation>再次回访日期</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="385"/>
        <source>&amp;Done</source>
        <translation>已回访(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="386"/>
        <source>Call done</source>
        <translation>已回访</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="387"/>
        <source>The patient was reached (Ctrl+Enter)</source>
        <translation>已与患者通话（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="388"/>
        <source>&amp;Unreachable</source>
        <translation>未接通(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="389"/>
        <source>Not reached</source>
        <translation>未接通</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="390"/>
        <source>D&amp;eclined</source>
        <translation>谢绝回访(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="391"/>
        <source>Declined the call</source>
        <translation>谢绝回访</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="392"/>
        <source>Satisfaction (if asked)</source>
        <translation>满意度（如有询问）</translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="50"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="51"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="52"/>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="53"/>
        <source>Doctor</source>
        <translation>医生</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="54"/>
        <source>Visit date</source>
        <translation>就诊日期</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="55"/>
        <source>Attempts</source>
        <translation>已拨次数</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/followups.py" line="65"/>
        <source>No-show {day}</source>
        <translation>预约未到 {day}</translation>
    </message>
</context>
<context>
    <name>GreetingStep</name>
    <message>
        <location filename="../../frontdesk/ui/reception/steps.py" line="79"/>
        <source>First visit</source>
        <translation>第一次来</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/steps.py" line="79"/>
        <source>Has been here before</source>
        <translation>以前来过</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/steps.py" line="80"/>
        <source>booked</source>
        <translation>有预约</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/steps.py" line="80"/>
        <source>no appointment</source>
        <translation>没有预约</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/steps.py" line="81"/>
        <source>A patient from the door: {first}, {booked}.</source>
        <translation>门口导医交来的患者：{first}，{booked}。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/steps.py" line="85"/>
        <source>Take this patient (Enter)</source>
        <translation>接待此患者 (Enter)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/steps.py" line="86"/>
        <source>Take this patient</source>
        <translation>接待此患者</translation>
    </message>
</context>
<context>
    <name>GroomingArea</name>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="391"/>
        <source>Today&apos;s checks</source>
        <translation>今日检查</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="392"/>
        <source>Sign in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="393"/>
        <source>History and fines</source>
        <translation>记录与罚款</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="406"/>
        <source>Grooming checks are done by a supervisor; you can sign in here.</source>
        <translation>仪容检查由主管进行；您可以在这里签到。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="394"/>
        <source>Grooming area</source>
        <translation>仪容检查</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="404"/>
        <source>Log in to use the grooming area.</source>
        <translation>请先登录再使用仪容检查。</translation>
    </message>
</context>
<context>
    <name>GroomingItemsTab</name>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="382"/>
        <source>Appearance</source>
        <translation>仪容仪表</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="382"/>
        <source>Dress</source>
        <translation>衣着</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="383"/>
        <source>Manner</source>
        <translation>举止</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="387"/>
        <source>Code:</source>
        <translation>代码：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="388"/>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="389"/>
        <source>Item (Chinese):</source>
        <translation>检查项（中文）：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="390"/>
        <source>Item (English):</source>
        <translation>检查项（英文）：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="391"/>
        <source>Fine (yuan):</source>
        <translation>罚款（元）：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="399"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="399"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="399"/>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="399"/>
        <source>Fine (yuan)</source>
        <translation>罚款（元）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="400"/>
        <source>In use</source>
        <translation>启用</translation>
    </message>
</context>
<context>
    <name>HandoverArea</name>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover_area.py" line="34"/>
        <source>Shift handover — notes to read: {count}</source>
        <translation>交接班 — {count} 条待阅</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover_area.py" line="35"/>
        <location filename="../../frontdesk/ui/staffing/handover_area.py" line="36"/>
        <source>Shift handover</source>
        <translation>交接班</translation>
    </message>
</context>
<context>
    <name>HandoverNote</name>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover.py" line="281"/>
        <source>{day} {shift} — written by {author} at {time}</source>
        <translation>{day} {shift} — {author} 于 {time} 填写</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover.py" line="284"/>
        <source>Equipment</source>
        <translation>设备情况</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover.py" line="285"/>
        <source>Hard cases</source>
        <translation>疑难问题</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover.py" line="286"/>
        <source>Staff swaps</source>
        <translation>人员调班</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover.py" line="287"/>
        <source>Open visits</source>
        <translation>未完成就诊</translation>
    </message>
</context>
<context>
    <name>HandoverTab</name>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover.py" line="129"/>
        <source>Notes for the incoming shift</source>
        <translation>待接班人确认的交接记录</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover.py" line="130"/>
        <source>Handover notes not yet acknowledged</source>
        <translation>尚未确认的交接记录</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover.py" line="131"/>
        <source>I have read it — &amp;acknowledge</source>
        <translation>已阅读，确认接班(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover.py" line="132"/>
        <source>Acknowledge the selected note</source>
        <translation>确认选中的交接记录</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover.py" line="133"/>
        <source>Handover note for my shift</source>
        <translation>本班交接记录</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover.py" line="134"/>
        <source>Shift:</source>
        <translation>班次：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover.py" line="134"/>
        <source>Equipment:</source>
        <translation>设备情况：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover.py" line="135"/>
        <source>Hard cases:</source>
        <translation>疑难问题：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover.py" line="135"/>
        <source>Staff swaps:</source>
        <translation>人员调班：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover.py" line="136"/>
        <source>Open visits:</source>
        <translation>未完成就诊：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover.py" line="138"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover.py" line="139"/>
        <source>Equipment problems</source>
        <translation>设备情况</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover.py" line="140"/>
        <source>Printer, phone, computer, signage… or “all normal”</source>
        <translation>打印机、电话、电脑、指示牌……或写“正常”</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover.py" line="141"/>
        <source>Hard cases</source>
        <translation>疑难问题</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover.py" line="142"/>
        <source>Patients or questions the next shift must follow up</source>
        <translation>下一班需要跟进的患者或问题</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover.py" line="143"/>
        <source>Staff swaps</source>
        <translation>人员调班</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover.py" line="144"/>
        <source>Who swapped shifts with whom</source>
        <translation>谁和谁调了班</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover.py" line="145"/>
        <source>Open visits</source>
        <translation>未完成就诊</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover.py" line="146"/>
        <source>Refresh open visits</source>
        <translation>刷新未完成就诊</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover.py" line="147"/>
        <source>&amp;Save handover note</source>
        <translation>保存交接记录(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover.py" line="148"/>
        <source>Save handover note</source>
        <translation>保存交接记录</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover.py" line="275"/>
        <source>Handover note saved; the next shift will see it.</source>
        <translation>交接记录已保存，下一班上岗时会看到。</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="124"/>
        <source>Staff:</source>
        <translation>员工：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="125"/>
        <source>Staff member</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="126"/>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="127"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="128"/>
        <source>Monthly fines report…</source>
        <translation>月度罚款汇总…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="129"/>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="269"/>
        <source>Monthly fines report</source>
        <translation>月度罚款汇总</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="130"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="131"/>
        <source>Export the month&apos;s fines as PDF or CSV</source>
        <translation>把本月罚款导出为 PDF 或 CSV</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="132"/>
        <source>Checks</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="132"/>
        <source>Failures by item</source>
        <translation>不合格项目统计</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="133"/>
        <source>Late arrivals</source>
        <translation>迟到记录</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="133"/>
        <source>Fines</source>
        <translation>罚款</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="137"/>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="141"/>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="143"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="137"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="137"/>
        <source>Checked by</source>
        <translation>检查人</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="137"/>
        <source>Failures</source>
        <translation>不合格项</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="138"/>
        <source>Fines (yuan)</source>
        <translation>罚款(元)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="138"/>
        <source>Acknowledged</source>
        <translation>本人确认</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="139"/>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="139"/>
        <source>Times</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="141"/>
        <source>Signed in</source>
        <translation>签到时间</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="141"/>
        <source>Minutes late</source>
        <translation>迟到(分钟)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="141"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="143"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="143"/>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="143"/>
        <source>Yuan</source>
        <translation>金额(元)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="144"/>
        <source>Waived</source>
        <translation>免除</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="145"/>
        <source>Reason for waiving the selected fine</source>
        <translation>免除选中罚款的理由</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="146"/>
        <source>Reason for waiving</source>
        <translation>免除理由</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="147"/>
        <source>&amp;Waive fine</source>
        <translation>免除罚款(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="148"/>
        <source>Waive the selected fine</source>
        <translation>免除选中的罚款</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="205"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="205"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="208"/>
        <source> (re-check)</source>
        <translation>（复查）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="216"/>
        <source>Waived: {reason}</source>
        <translation>已免除：{reason}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="221"/>
        <source>Checks: {checks} · Failures: {failures} · Late arrivals: {late} · Fines due: {due} yuan</source>
        <translation>检查 {checks} 次 · 不合格 {failures} 项 · 迟到 {late} 次 · 应缴罚款 {due} 元</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="246"/>
        <source>Select the fine to waive first.</source>
        <translation>请先选择要免除的罚款。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="254"/>
        <source>Fine waived; it stays in the ledger, marked as waived.</source>
        <translation>罚款已免除；记录保留在台账中并标明“已免除”。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="276"/>
        <source>Export the month&apos;s fines</source>
        <translation>导出本月罚款</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="277"/>
        <source>CSV (*.csv);;PDF (*.pdf)</source>
        <translation>CSV 表格 (*.csv);;PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="285"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_history.py" line="291"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <location filename="../../frontdesk/ui/shell/lock.py" line="186"/>
        <source>&amp;Lock screen</source>
        <translation>锁定屏幕(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/lock.py" line="187"/>
        <location filename="../../frontdesk/ui/shell/lock.py" line="260"/>
        <source>S&amp;witch user…</source>
        <translation>切换用户(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/lock.py" line="247"/>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/lock.py" line="248"/>
        <source>Screen locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/lock.py" line="250"/>
        <source>Unlock in the main window.</source>
        <translation>请在主窗口解锁。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/lock.py" line="255"/>
        <source>Patient details are hidden. Log in with your password or PIN to continue.</source>
        <translation>患者信息已隐藏。请输入密码或 PIN 码继续。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/lock.py" line="257"/>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
</context>
<context>
    <name>LeaveBox</name>
    <message>
        <location filename="../../frontdesk/ui/reception/steps.py" line="301"/>
        <source>Waited too long</source>
        <translation>等候时间太长</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/steps.py" line="302"/>
        <source>The fee</source>
        <translation>费用问题</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/steps.py" line="303"/>
        <source>Will come another day</source>
        <translation>改天再来</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/steps.py" line="304"/>
        <source>Went to another hospital</source>
        <translation>去其他医院</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/steps.py" line="305"/>
        <source>Something came up</source>
        <translation>临时有事</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/steps.py" line="306"/>
        <source>Only came to ask</source>
        <translation>只是咨询</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/steps.py" line="363"/>
        <source>Why did the patient leave?</source>
        <translation>患者离开的原因：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/steps.py" line="364"/>
        <source>Reason the patient left</source>
        <translation>患者离开的原因</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/steps.py" line="374"/>
        <source>Record: patient left (Enter)</source>
        <translation>记录：患者离开 (Enter)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/steps.py" line="375"/>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
</context>
<context>
    <name>LeaveTab</name>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="296"/>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="305"/>
        <source>Staff member</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="296"/>
        <source>Type of leave</source>
        <translation>请假类型</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="297"/>
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="297"/>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="298"/>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="300"/>
        <source>Ask for leave</source>
        <translation>申请请假</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="301"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="302"/>
        <source>Refuse</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="303"/>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="306"/>
        <source>Before approving</source>
        <translation>批准须知</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="348"/>
        <source>Cannot be approved: {reason}</source>
        <translation>不能批准：{reason}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="350"/>
        <source>Note needed: {needs}</source>
        <translation>须写审批说明：{needs}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="357"/>
        <source>To approve this leave, write the special circumstances in the note: it stands only with a manager&apos;s approval ({needs}).</source>
        <translation>批准这次请假须在说明中写明特殊情况：须经管理人员批准（{needs}）。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="371"/>
        <source>Note on the decision (needed to approve: the special circumstances)</source>
        <translation>审批意见（批准须写明特殊情况）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="373"/>
        <source>Note on the decision (optional)</source>
        <translation>审批意见（可选）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="380"/>
        <source>This leave stands only with a manager&apos;s approval: {needs}. To approve it, write the special circumstances in the note.</source>
        <translation>这次请假须经管理人员批准：{needs}。批准请在说明中写明特殊情况。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="305"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="305"/>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="305"/>
        <source>To</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="306"/>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="306"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="320"/>
        <source>(myself)</source>
        <translation>（本人）</translation>
    </message>
</context>
<context>
    <name>LedgerTab</name>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="128"/>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="145"/>
        <source>Staff member</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="128"/>
        <source>Rule or reward</source>
        <translation>违反的规定或奖励</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="129"/>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="145"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="129"/>
        <source>What happened</source>
        <translation>情况说明</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="130"/>
        <source>Staff member&apos;s PIN</source>
        <translation>员工本人 PIN</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="132"/>
        <source>The staff member types it (or confirms later)</source>
        <translation>由员工本人输入（也可稍后确认）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="133"/>
        <source>Reason for waiving</source>
        <translation>免除理由</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="134"/>
        <source>Record it</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="135"/>
        <source> min away</source>
        <translation> 分钟离岗</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="136"/>
        <source>with the supervisor&apos;s consent</source>
        <translation>经负责人同意</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="137"/>
        <source>Away from the post</source>
        <translation>记录脱岗</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="138"/>
        <source>Left before relieved</source>
        <translation>未交接即离岗</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="139"/>
        <source>Confirm with PIN</source>
        <translation>本人 PIN 确认</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="140"/>
        <source>Paid now</source>
        <translation>已缴纳</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="141"/>
        <source>Waive</source>
        <translation>免除</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="142"/>
        <source>Monthly staff report…</source>
        <translation>员工月报…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="143"/>
        <source>Save the report…</source>
        <translation>保存月报…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="145"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="145"/>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="146"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="146"/>
        <source>Confirmed</source>
        <translation>本人确认</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="146"/>
        <source>Paid / waived</source>
        <translation>缴纳 / 免除</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="156"/>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="163"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="182"/>
        <source>waived</source>
        <translation>已免除</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="185"/>
        <source> (not the same day)</source>
        <translation>（非当天）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="234"/>
        <source>Monthly staff report</source>
        <translation>员工月报</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="254"/>
        <source>Save the monthly staff report</source>
        <translation>保存员工月报</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="255"/>
        <source>Excel (*.xlsx);;CSV (*.csv);;PDF (*.pdf)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv);;PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="271"/>
        <source>Saved: {path}</source>
        <translation>已保存：{path}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../frontdesk/ui/shell/login.py" line="153"/>
        <source>Log in — Frontdesk</source>
        <translation>登录 — 导医台助手</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/login.py" line="154"/>
        <source>Log in to start your shift</source>
        <translation>请登录后开始当班</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/login.py" line="155"/>
        <source>&amp;Log in</source>
        <translation>登录(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/login.py" line="156"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/login.py" line="157"/>
        <source>Demo hospital: log in as admin, leitt, desk1 or guide1 with the password demo1234.</source>
        <translation>演示医院：可用 admin、leitt、desk1 或 guide1 登录，密码 demo1234。</translation>
    </message>
</context>
<context>
    <name>Lookup</name>
    <message>
        <location filename="../../frontdesk/ui/reception/lookup.py" line="45"/>
        <source>M</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/lookup.py" line="46"/>
        <source>F</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/lookup.py" line="52"/>
        <source>Gold card</source>
        <translation>金卡</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/lookup.py" line="53"/>
        <source>Diamond card</source>
        <translation>钻卡</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../frontdesk/ui/shell/main_window.py" line="261"/>
        <source>{hospital} — Frontdesk</source>
        <translation>{hospital} — 导医台助手</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/main_window.py" line="268"/>
        <source>Areas</source>
        <translation>功能区</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/main_window.py" line="269"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/main_window.py" line="270"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/main_window.py" line="271"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/main_window.py" line="272"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/main_window.py" line="273"/>
        <source>&amp;Waiting-room display and voice…</source>
        <translation>候诊叫号屏与语音(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/main_window.py" line="274"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/main_window.py" line="275"/>
        <source>&amp;About Frontdesk</source>
        <translation>关于 Frontdesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/main_window.py" line="292"/>
        <source>Not logged in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/main_window.py" line="294"/>
        <source>On duty: {name}</source>
        <translation>当班：{name}</translation>
    </message>
</context>
<context>
    <name>PatientBanner</name>
    <message>
        <location filename="../../frontdesk/ui/reception/banner.py" line="110"/>
        <source>(name not taken yet)</source>
        <translation>（尚未登记姓名）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/banner.py" line="90"/>
        <source>{n} y</source>
        <translation>{n} 岁</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/banner.py" line="96"/>
        <source>⚠ Red flag</source>
        <translation>⚠ 红旗</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/banner.py" line="109"/>
        <source>{name} (given at the door)</source>
        <translation>{name}（门口登记）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/banner.py" line="114"/>
        <source>Complaint: {text}</source>
        <translation>主诉：{text}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/banner.py" line="116"/>
        <source>Department: {name}</source>
        <translation>科室：{name}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/banner.py" line="120"/>
        <source>Doctor: {name}</source>
        <translation>医生：{name}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/banner.py" line="123"/>
        <source>Doctor: any on duty</source>
        <translation>医生：当班任一医生</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/banner.py" line="144"/>
        <source>Arrived {m} min ago</source>
        <translation>到达 {m} 分钟</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/banner.py" line="146"/>
        <source>Arrived {h} h {m} min ago</source>
        <translation>到达 {h} 小时 {m} 分钟</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/banner.py" line="159"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
</context>
<context>
    <name>PatientHitModel</name>
    <message>
        <location filename="../../frontdesk/ui/reception/lookup.py" line="58"/>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/lookup.py" line="59"/>
        <source>pinyin of the name</source>
        <translation>姓名拼音</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/lookup.py" line="60"/>
        <source>mobile number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/lookup.py" line="61"/>
        <source>last digits of the mobile number</source>
        <translation>手机尾号</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/lookup.py" line="62"/>
        <source>record number</source>
        <translation>病历号</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/lookup.py" line="63"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/lookup.py" line="78"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/lookup.py" line="78"/>
        <source>Sex/age</source>
        <translation>性别/年龄</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/lookup.py" line="78"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/lookup.py" line="78"/>
        <source>Record no.</source>
        <translation>病历号</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/lookup.py" line="78"/>
        <source>Last visit</source>
        <translation>上次就诊</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/lookup.py" line="78"/>
        <source>VIP</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/lookup.py" line="98"/>
        <source>Matched on: {what}</source>
        <translation>匹配：{what}</translation>
    </message>
</context>
<context>
    <name>PatientLookup</name>
    <message numerus="yes">
        <location filename="../../frontdesk/ui/reception/lookup.py" line="223"/>
        <source>Patients found: %n</source>
        <translation>
            <numerusform>找到 %n 位患者</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/lookup.py" line="225"/>
        <source>No record found: register as a new patient (Alt+N).</source>
        <translation>未找到档案：请按新患者登记 (Alt+N)。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/lookup.py" line="261"/>
        <source>Find the patient&apos;s record</source>
        <translation>查找患者档案</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/lookup.py" line="263"/>
        <source>Mobile, name, pinyin initials (zs), record or ID number</source>
        <translation>手机号、姓名、拼音首字母（zs）、病历号或身份证号</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/lookup.py" line="264"/>
        <source>Patient lookup</source>
        <translation>患者查找</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/lookup.py" line="265"/>
        <source>Patients found</source>
        <translation>查找结果</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/lookup.py" line="266"/>
        <source>Use this record (Enter)</source>
        <translation>使用此档案 (Enter)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/lookup.py" line="267"/>
        <source>&amp;New patient (Alt+N)</source>
        <translation>新患者(&amp;N) (Alt+N)</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <location filename="../../frontdesk/ui/queue/calling_dialogs.py" line="112"/>
        <source>Pause clinic (停诊)</source>
        <translation>停诊</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling_dialogs.py" line="116"/>
        <source>e.g. called to an emergency</source>
        <translation>如：急会诊</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling_dialogs.py" line="119"/>
        <source>Keep them waiting here</source>
        <translation>继续在本诊室等候</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling_dialogs.py" line="123"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling_dialogs.py" line="124"/>
        <source>&amp;Waiting patients go to</source>
        <translation>候诊患者转给(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling_dialogs.py" line="126"/>
        <source>Pause</source>
        <translation>停诊</translation>
    </message>
</context>
<context>
    <name>PendingHandoverDialog</name>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover_pending.py" line="98"/>
        <source>Handover notes for your shift: {n} to read</source>
        <translation>本班待阅的交接记录：{n} 条</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover_pending.py" line="134"/>
        <source>Shift handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover_pending.py" line="135"/>
        <source>Handover notes not yet acknowledged</source>
        <translation>尚未确认的交接记录</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover_pending.py" line="136"/>
        <source>I have read it — &amp;acknowledge</source>
        <translation>已阅读，确认接班(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover_pending.py" line="137"/>
        <source>Acknowledge all</source>
        <translation>全部确认</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/handover_pending.py" line="138"/>
        <source>Later (the Handover tab keeps them)</source>
        <translation>稍后（交接班页面会保留）</translation>
    </message>
</context>
<context>
    <name>PhraseCheck</name>
    <message>
        <location filename="../../frontdesk/ui/widgets/phrase_check.py" line="30"/>
        <source>“{word}” — the house rules say: “{instead}”</source>
        <translation>“{word}”——院规建议说：“{instead}”</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/phrase_check.py" line="33"/>
        <source>Patients may read this. Consider rewording: {parts}</source>
        <translation>患者可能会看到这段文字，建议换个说法：{parts}</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_check.py" line="58"/>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_check.py" line="66"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_check.py" line="67"/>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_check.py" line="382"/>
        <source>Acknowledge the check</source>
        <translation>确认检查结果</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/grooming_check.py" line="383"/>
        <source>{name}, please read the result and enter your own PIN to acknowledge it.</source>
        <translation>{name}，请查看检查结果，并输入本人 PIN 确认。</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../frontdesk/ui/widgets/printing.py" line="272"/>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/printing.py" line="283"/>
        <source>Slip preview</source>
        <translation>单据预览</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/printing.py" line="287"/>
        <source>Page</source>
        <translation>页</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/printing.py" line="290"/>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/printing.py" line="292"/>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/printing.py" line="294"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/printing.py" line="296"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/printing.py" line="298"/>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/printing.py" line="299"/>
        <source>Fit the page width</source>
        <translation>按页宽显示</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/printing.py" line="301"/>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/printing.py" line="302"/>
        <source>Show the whole page</source>
        <translation>显示整页</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/printing.py" line="307"/>
        <source>Print status</source>
        <translation>打印状态</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/printing.py" line="309"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/printing.py" line="311"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/printing.py" line="313"/>
        <location filename="../../frontdesk/ui/widgets/printing.py" line="315"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/printing.py" line="357"/>
        <source>No pages</source>
        <translation>没有页面</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/printing.py" line="358"/>
        <source>The slip could not be shown.</source>
        <translation>单据无法显示。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/printing.py" line="367"/>
        <source>of {n}</source>
        <translation>/ 共 {n} 页</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/printing.py" line="439"/>
        <source>Guide slip</source>
        <translation>导诊单</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/printing.py" line="441"/>
        <source>Billing slip</source>
        <translation>缴费单</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/printing.py" line="443"/>
        <source>Door ticket</source>
        <translation>取号小票</translation>
    </message>
</context>
<context>
    <name>PriorityDialog</name>
    <message>
        <location filename="../../frontdesk/ui/queue/calling_dialogs.py" line="169"/>
        <source>Priority for {number} {name}</source>
        <translation>{number} {name} 的优先类别</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling_dialogs.py" line="177"/>
        <source>&amp;Class</source>
        <translation>类别(&amp;C)</translation>
    </message>
</context>
<context>
    <name>QueueBoardArea</name>
    <message>
        <location filename="../../frontdesk/ui/queue/board.py" line="253"/>
        <source>Updated {time}</source>
        <translation>更新于 {time}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/board.py" line="282"/>
        <source>No one has waited long. Keep an eye on the room.</source>
        <translation>暂无久候患者，请留意候诊区。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/board.py" line="290"/>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/board.py" line="299"/>
        <source>{cue}: {phrase}</source>
        <translation>{cue}：{phrase}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/board.py" line="303"/>
        <source>Waiting room</source>
        <translation>候诊</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/board.py" line="304"/>
        <source>Queue board</source>
        <translation>候诊看板</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/board.py" line="305"/>
        <source>No patients are waiting.</source>
        <translation>目前没有候诊患者。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/board.py" line="306"/>
        <source>Care for waiting patients</source>
        <translation>候诊关怀</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/board.py" line="312"/>
        <location filename="../../frontdesk/ui/queue/board.py" line="313"/>
        <source>≥ {n} min</source>
        <translation>≥ {n} 分钟</translation>
    </message>
</context>
<context>
    <name>RecentVisitModel</name>
    <message>
        <location filename="../../frontdesk/ui/service/satisfaction.py" line="42"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/satisfaction.py" line="43"/>
        <source>No.</source>
        <translation>号</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/satisfaction.py" line="44"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/satisfaction.py" line="45"/>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/satisfaction.py" line="46"/>
        <source>Rated</source>
        <translation>已评价</translation>
    </message>
</context>
<context>
    <name>ReceptionArea</name>
    <message>
        <location filename="../../frontdesk/ui/reception/area.py" line="74"/>
        <source>Door (Alt+1)</source>
        <translation>导医（门口）(Alt+1)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/area.py" line="75"/>
        <source>Desk (Alt+2)</source>
        <translation>导医台 (Alt+2)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/area.py" line="76"/>
        <source>The guide at the entrance: greet and hand over</source>
        <translation>门口导医：迎接患者，交给导医台</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/area.py" line="77"/>
        <source>Triage, registration, billing and escort</source>
        <translation>分诊、登记、挂号缴费、陪诊</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/area.py" line="78"/>
        <source>Reception</source>
        <translation>接待</translation>
    </message>
</context>
<context>
    <name>RegistrationFormWidget</name>
    <message>
        <location filename="../../frontdesk/ui/reception/registration.py" line="205"/>
        <source>Not asked</source>
        <translation>未询问</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/registration.py" line="437"/>
        <source>&amp;Name *</source>
        <translation>姓名(&amp;N) *</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/registration.py" line="437"/>
        <source>Se&amp;x *</source>
        <translation>性别(&amp;X) *</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/registration.py" line="437"/>
        <source>&amp;Mobile *</source>
        <translation>手机(&amp;M) *</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/registration.py" line="438"/>
        <source>&amp;ID number</source>
        <translation>身份证号(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/registration.py" line="438"/>
        <source>&amp;Birth date</source>
        <translation>出生日期(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/registration.py" line="438"/>
        <source>A&amp;ge *</source>
        <translation>年龄(&amp;G) *</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/registration.py" line="439"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/registration.py" line="439"/>
        <source>Duration of illness</source>
        <translation>病程</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/registration.py" line="440"/>
        <source>Medical history</source>
        <translation>病史</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/registration.py" line="440"/>
        <source>Disease category</source>
        <translation>病种</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/registration.py" line="441"/>
        <source>Visit intention</source>
        <translation>就诊意向</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/registration.py" line="441"/>
        <source>Concerns</source>
        <translation>关心内容</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/registration.py" line="442"/>
        <source>Health question</source>
        <translation>健康咨询</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/registration.py" line="442"/>
        <source>Price comparison</source>
        <translation>价格比对</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/registration.py" line="443"/>
        <source>Spending habits</source>
        <translation>消费习惯</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/registration.py" line="443"/>
        <source>Economic situation</source>
        <translation>经济状况</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/registration.py" line="444"/>
        <source>Person type</source>
        <translation>人员类型</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/registration.py" line="444"/>
        <source>How they heard of us</source>
        <translation>媒体来源</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/registration.py" line="454"/>
        <source>18 digits</source>
        <translation>18 位</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/registration.py" line="458"/>
        <source>Ask now: “how did you hear about us?”</source>
        <translation>现在就问：“您是从哪里知道我们医院的？”</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/registration.py" line="452"/>
        <source>11-digit mobile</source>
        <translation>11 位手机号</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/registration.py" line="202"/>
        <source>— ask —</source>
        <translation>— 请询问 —</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/registration.py" line="455"/>
        <source>18 digits; fills sex and birth date</source>
        <translation>18 位，自动填写性别和出生日期</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/registration.py" line="456"/>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/registration.py" line="457"/>
        <source>e.g. 3 days, 2 years</source>
        <translation>例如：3 天、2 年</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/registration.py" line="462"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/registration.py" line="463"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
</context>
<context>
    <name>RegistrationPage</name>
    <message>
        <location filename="../../frontdesk/ui/reception/desk/registration.py" line="144"/>
        <source>Draft restored: nothing typed was lost.</source>
        <translation>已恢复草稿，之前填写的内容都在。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/desk/registration.py" line="123"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/desk/registration.py" line="124"/>
        <source>{field}: typed “{typed}”, record “{record}”</source>
        <translation>{field}：填写“{typed}”，档案“{record}”</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/desk/registration.py" line="129"/>
        <source>The existing record is shown for review; the record&apos;s values are kept. Typed differently: {list}. Change a field if what was typed is right, then register (Ctrl+Enter): only changed fields are saved.</source>
        <translation>已调出原有档案供核对，保留档案中的内容。填写不一致的有：{list}。如填写的内容正确，请修改相应字段，再登记 (Ctrl+Enter)：只保存改动的字段。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/desk/registration.py" line="134"/>
        <source>The existing record is shown for review. Change what is out of date, then register (Ctrl+Enter): only changed fields are saved.</source>
        <translation>已调出原有档案供核对。请修改过时的内容，再登记 (Ctrl+Enter)：只保存改动的字段。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/desk/registration.py" line="146"/>
        <source>Draft saved {time}</source>
        <translation>草稿已保存 {time}</translation>
    </message>
</context>
<context>
    <name>RegistrationStep</name>
    <message>
        <location filename="../../frontdesk/ui/reception/steps.py" line="273"/>
        <source>Deferred registration: this red-flag patient was treated first. Register now; the visit stays at its step, billing follows.</source>
        <translation>补办登记：这位危急症状患者已先救治。请现在登记；就诊步骤不变，随后补缴费用。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/steps.py" line="275"/>
        <source>Register, then billing (Ctrl+Enter)</source>
        <translation>登记，去挂号缴费 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/steps.py" line="276"/>
        <source>Register</source>
        <translation>登记</translation>
    </message>
</context>
<context>
    <name>ReportsArea</name>
    <message>
        <location filename="../../frontdesk/ui/reports/area.py" line="300"/>
        <source>One day</source>
        <translation>单日</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reports/area.py" line="301"/>
        <source>Date range</source>
        <translation>时间段</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reports/area.py" line="302"/>
        <source>Report period</source>
        <translation>统计范围</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reports/area.py" line="303"/>
        <source>&amp;Day:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reports/area.py" line="304"/>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reports/area.py" line="305"/>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reports/area.py" line="306"/>
        <source>Report day</source>
        <translation>统计日期</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reports/area.py" line="307"/>
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reports/area.py" line="308"/>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reports/area.py" line="309"/>
        <location filename="../../frontdesk/ui/reports/area.py" line="310"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reports/area.py" line="311"/>
        <location filename="../../frontdesk/ui/reports/area.py" line="312"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reports/area.py" line="313"/>
        <source>&amp;Show</source>
        <translation>查看(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reports/area.py" line="314"/>
        <source>Show report</source>
        <translation>查看报表</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reports/area.py" line="315"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reports/area.py" line="316"/>
        <source>Print report</source>
        <translation>打印报表</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reports/area.py" line="317"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reports/area.py" line="318"/>
        <location filename="../../frontdesk/ui/reports/area.py" line="565"/>
        <source>Export report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reports/area.py" line="319"/>
        <source>Full phone numbers</source>
        <translation>显示完整电话</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reports/area.py" line="321"/>
        <source>The call-back list shows phone numbers masked (138****8000) unless you need them for follow-up calls.</source>
        <translation>回访名单中的电话默认隐藏中间四位（138****8000），回访时才需显示完整号码。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reports/area.py" line="323"/>
        <source>Report in progress</source>
        <translation>正在生成报表</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reports/area.py" line="324"/>
        <source>Report sections</source>
        <translation>报表分类</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reports/area.py" line="328"/>
        <source>Choose a day and press Show.</source>
        <translation>请选择日期，然后按“查看”。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reports/area.py" line="402"/>
        <source>Working out the numbers…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reports/area.py" line="424"/>
        <source>The report could not be made: {error}</source>
        <translation>无法生成报表：{error}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reports/area.py" line="459"/>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reports/area.py" line="566"/>
        <source>PDF (*.pdf);;CSV for Excel (*.csv);;Excel workbook (*.xlsx)</source>
        <translation>PDF 文件 (*.pdf);;CSV 表格（可用 Excel 打开）(*.csv);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reports/area.py" line="588"/>
        <source>Saved to {path}. It holds patients&apos; phone numbers: keep it confidential.</source>
        <translation>已保存到 {path}。文件含患者电话，请注意保密。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reports/area.py" line="596"/>
        <source>Nothing was saved or printed: {reason}</source>
        <translation>未保存也未打印：{reason}</translation>
    </message>
</context>
<context>
    <name>ReprintDialog</name>
    <message>
        <location filename="../../frontdesk/ui/reception/slip_actions.py" line="162"/>
        <source>Reprint a slip</source>
        <translation>补打单据</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/slip_actions.py" line="163"/>
        <source>Slips printed for visit {visit}</source>
        <translation>就诊 {visit} 已打印的单据</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/slip_actions.py" line="166"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/slip_actions.py" line="166"/>
        <source>Slip</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/slip_actions.py" line="166"/>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/slip_actions.py" line="166"/>
        <source>Printer or file</source>
        <translation>打印机或文件</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/slip_actions.py" line="167"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/slip_actions.py" line="168"/>
        <source>Print history</source>
        <translation>打印记录</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/slip_actions.py" line="169"/>
        <source>No slip of this visit has been printed yet.</source>
        <translation>该就诊还没有打印过单据。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/slip_actions.py" line="170"/>
        <source>&amp;Reprint</source>
        <translation>补打(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/slip_actions.py" line="171"/>
        <source>Reprint the selected slip</source>
        <translation>补打所选单据</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/slip_actions.py" line="172"/>
        <location filename="../../frontdesk/ui/reception/slip_actions.py" line="173"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/slip_actions.py" line="174"/>
        <source>Reprint status</source>
        <translation>补打状态</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/slip_actions.py" line="201"/>
        <source>80 mm roll</source>
        <translation>80 毫米卷纸</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/slip_actions.py" line="204"/>
        <source>default printer</source>
        <translation>默认打印机</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/slip_actions.py" line="206"/>
        <source>file {path}</source>
        <translation>文件 {path}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/slip_actions.py" line="209"/>
        <source>system (command line)</source>
        <translation>系统（命令行）</translation>
    </message>
</context>
<context>
    <name>RosterTab</name>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="127"/>
        <source>Day:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="128"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="129"/>
        <source>Shift:</source>
        <translation>班次：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="130"/>
        <location filename="../../frontdesk/ui/staffing/area.py" line="133"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="131"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="133"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="133"/>
        <source>Signed in</source>
        <translation>签到时间</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="133"/>
        <source>Late (min)</source>
        <translation>迟到(分钟)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="134"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="134"/>
        <source>Fines (yuan)</source>
        <translation>罚款(元)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="134"/>
        <source>Acknowledged</source>
        <translation>本人确认</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="135"/>
        <source>Staff on shift</source>
        <translation>当班人员</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="136"/>
        <source>&amp;Check…</source>
        <translation>检查(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="137"/>
        <source>Check the selected person</source>
        <translation>检查选中的员工</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="138"/>
        <source>&amp;Acknowledge with PIN…</source>
        <translation>本人 PIN 确认(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="139"/>
        <source>Acknowledge the check with PIN</source>
        <translation>员工用 PIN 确认检查结果</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="140"/>
        <source>&amp;Print record…</source>
        <translation>打印记录(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="141"/>
        <source>Print the check record</source>
        <translation>打印检查记录</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="142"/>
        <source>&amp;Early leave…</source>
        <translation>早退(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="143"/>
        <source>Record that the selected person left early</source>
        <translation>记录选中员工早退</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="144"/>
        <source>Someone not on the roster</source>
        <translation>不在排班表上的员工</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="145"/>
        <source>Check someone not on the roster…</source>
        <translation>检查未排班的员工…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="146"/>
        <source>Check someone not on the roster</source>
        <translation>检查未排班的员工</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="154"/>
        <source>All shifts</source>
        <translation>全部班次</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="188"/>
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="189"/>
        <source>Passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="190"/>
        <source>Failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="192"/>
        <source>Not signed in</source>
        <translation>未签到</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="196"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="196"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="209"/>
        <source>{total} on shift · {signed} signed in · {checked} checked</source>
        <translation>{total} 人在班 · {signed} 人已签到 · {checked} 人已检查</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="312"/>
        <source>Grooming check record</source>
        <translation>仪容仪表检查记录</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/area.py" line="319"/>
        <source>Could not make the record: {error}</source>
        <translation>无法生成检查记录：{error}</translation>
    </message>
</context>
<context>
    <name>RosterWeekTab</name>
    <message>
        <location filename="../../frontdesk/ui/staffing/roster_week.py" line="151"/>
        <source>◀ Previous week</source>
        <translation>◀ 上一周</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/roster_week.py" line="152"/>
        <source>Next week ▶</source>
        <translation>下一周 ▶</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/roster_week.py" line="153"/>
        <source>Copy last week</source>
        <translation>复制上周排班</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/roster_week.py" line="155"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/roster_week.py" line="157"/>
        <source>Roster grid</source>
        <translation>排班表</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/roster_week.py" line="203"/>
        <source>Signed in that day</source>
        <translation>当天已签到</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/roster_week.py" line="206"/>
        <source>{first} to {last}</source>
        <translation>{first} 至 {last}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/roster_week.py" line="208"/>
        <source>Keys: {keys}; R rest day; Shift+letter adds a shift; Delete clears; PgUp/PgDn change the week.</source>
        <translation>按键：{keys}；R 轮休；Shift+字母 加一个班次；Delete 清空；PgUp/PgDn 换周。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/roster_week.py" line="246"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/roster_week.py" line="258"/>
        <source>Copied last week; days filled: {count}.</source>
        <translation>已复制上周排班：填入 {count} 天。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/roster_week.py" line="260"/>
        <source>Not copied (would overlap a shift the day before or after):</source>
        <translation>未复制（与前一天或后一天的班次重叠）：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/roster_week.py" line="273"/>
        <source>Roster</source>
        <translation>排班表</translation>
    </message>
</context>
<context>
    <name>RuleTab</name>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="120"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="121"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="160"/>
        <source>New entry</source>
        <translation>新建条目</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="160"/>
        <source>Change entry</source>
        <translation>修改条目</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="162"/>
        <source>Switch &amp;on</source>
        <translation>启用(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="163"/>
        <source>Switch o&amp;ff</source>
        <translation>停用(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="171"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="185"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="185"/>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>RulesListTab</name>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="326"/>
        <source>Switch on/off</source>
        <translation>启用/停用</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="327"/>
        <source>Add to the pre-shift check</source>
        <translation>加入班前检查</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="329"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="329"/>
        <source>Rule</source>
        <translation>条款</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="329"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="329"/>
        <source>Where in the rules</source>
        <translation>出处</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="330"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="338"/>
        <source>Fine</source>
        <translation>罚款</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="338"/>
        <source>Reward</source>
        <translation>奖励</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="339"/>
        <source>Behaviour</source>
        <translation>举止</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="343"/>
        <source>in the check</source>
        <translation>已在班前检查中</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="343"/>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="345"/>
        <source>on</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/ledger_tab.py" line="345"/>
        <source>off</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>SatisfactionPanel</name>
    <message>
        <location filename="../../frontdesk/ui/service/satisfaction.py" line="125"/>
        <source>Your role does not take ratings.</source>
        <translation>您的角色不能登记满意度。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/satisfaction.py" line="151"/>
        <source>Follow-up rate {start} – {end}: {rate} ({reached} of {visits} visits)</source>
        <translation>回访率 {start} – {end}：{rate}（{visits} 次就诊中回访到 {reached} 次）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/satisfaction.py" line="166"/>
        <source>Choose the visit first.</source>
        <translation>请先选择就诊记录。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/satisfaction.py" line="174"/>
        <source>Rating saved.</source>
        <translation>评价已保存。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/satisfaction.py" line="186"/>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/satisfaction.py" line="189"/>
        <source>— not asked</source>
        <translation>—（未询问）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/satisfaction.py" line="193"/>
        <source>Satisfied</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/satisfaction.py" line="195"/>
        <source>Rate a visit</source>
        <translation>就诊评价</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/satisfaction.py" line="196"/>
        <source>Weekly summary</source>
        <translation>每周汇总</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/satisfaction.py" line="197"/>
        <source>Week of</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/satisfaction.py" line="198"/>
        <source>&amp;Save rating (Ctrl+Enter)</source>
        <translation>保存评价(&amp;S)（Ctrl+Enter）</translation>
    </message>
</context>
<context>
    <name>SecretDialog</name>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="113"/>
        <source>Set a new PIN</source>
        <translation>设置新 PIN 码</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="114"/>
        <source>New &amp;PIN:</source>
        <translation>新 PIN 码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="116"/>
        <source>Set a new password</source>
        <translation>设置新密码</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="117"/>
        <source>New &amp;password:</source>
        <translation>新密码(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>ServiceDesk</name>
    <message>
        <location filename="../../frontdesk/ui/service/desk.py" line="19"/>
        <source>Consultations</source>
        <translation>咨询登记</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/desk.py" line="21"/>
        <source>Appointments</source>
        <translation>预约</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/desk.py" line="23"/>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/desk.py" line="25"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/desk.py" line="27"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/desk.py" line="29"/>
        <source>Media list and calendar</source>
        <translation>媒体来源与工作日历</translation>
    </message>
</context>
<context>
    <name>ServiceDeskArea</name>
    <message>
        <location filename="../../frontdesk/ui/service/desk.py" line="89"/>
        <source>⚠ Complaints overdue: {n} — open the complaints (click)</source>
        <translation>⚠ 逾期投诉：{n} 件——点击查看投诉</translation>
    </message>
</context>
<context>
    <name>ServiceReportsPanel</name>
    <message>
        <location filename="../../frontdesk/ui/service/service_reports.py" line="93"/>
        <source>Reports are for supervisors and admins.</source>
        <translation>报表仅限主管和管理员使用。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/service_reports.py" line="137"/>
        <source>Export report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/service_reports.py" line="138"/>
        <source>PDF (*.pdf);;CSV for Excel (*.csv);;Excel workbook (*.xlsx)</source>
        <translation>PDF 文件 (*.pdf);;CSV 表格（可用 Excel 打开）(*.csv);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/service_reports.py" line="163"/>
        <source>Saved to {path}.</source>
        <translation>已保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/service_reports.py" line="185"/>
        <source>&amp;Report</source>
        <translation>报表(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/service_reports.py" line="185"/>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/service_reports.py" line="186"/>
        <source>&amp;To</source>
        <translation>到(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/service_reports.py" line="186"/>
        <source>&amp;Group by</source>
        <translation>汇总周期(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/service_reports.py" line="190"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/service_reports.py" line="190"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/service_reports.py" line="190"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/service_reports.py" line="192"/>
        <source>&amp;Show</source>
        <translation>查看(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/service_reports.py" line="193"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/service/service_reports.py" line="194"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../frontdesk/ui/shell/settings_dialog.py" line="99"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/settings_dialog.py" line="100"/>
        <source>&amp;Language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/settings_dialog.py" line="101"/>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/settings_dialog.py" line="102"/>
        <source>Printing at this desk</source>
        <translation>本台打印设置</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/settings_dialog.py" line="103"/>
        <source>Guide slips:</source>
        <translation>导诊单打印机：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/settings_dialog.py" line="103"/>
        <source>Billing slips:</source>
        <translation>缴费单打印机：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/settings_dialog.py" line="104"/>
        <source>Reports:</source>
        <translation>报表打印机：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/settings_dialog.py" line="104"/>
        <source>Door tickets:</source>
        <translation>取号小票：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/settings_dialog.py" line="108"/>
        <source>Ask each time (system default)</source>
        <translation>每次询问（系统默认打印机）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/settings_dialog.py" line="112"/>
        <source>{name} (not found)</source>
        <translation>{name}（未找到）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/settings_dialog.py" line="113"/>
        <source>80 mm receipt roll</source>
        <translation>80 毫米小票纸</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/settings_dialog.py" line="114"/>
        <source>Guide slip paper:</source>
        <translation>导诊单纸张：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/settings_dialog.py" line="115"/>
        <source>Billing slip paper:</source>
        <translation>缴费单纸张：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/settings_dialog.py" line="116"/>
        <source>Door ticket paper:</source>
        <translation>取号小票纸张：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/shell/settings_dialog.py" line="121"/>
        <source>Print slips without asking (busy desk)</source>
        <translation>不经询问直接打印单据（繁忙时）</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <location filename="../../frontdesk/ui/admin/settings.py" line="178"/>
        <source>Hospital name (on slips and reports):</source>
        <translation>医院名称（打印在单据和报表上）：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/settings.py" line="179"/>
        <source>Lock the screen after (minutes idle):</source>
        <translation>无操作多少分钟后锁屏：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/settings.py" line="180"/>
        <source>PIN length (digits):</source>
        <translation>PIN 码位数：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/settings.py" line="181"/>
        <source>Backup folder:</source>
        <translation>备份文件夹：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/settings.py" line="182"/>
        <source>Keep backups for (days):</source>
        <translation>备份保留天数：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/settings.py" line="183"/>
        <source>Language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/settings.py" line="184"/>
        <source>Door ticket letters:</source>
        <translation>门口取号字母：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/settings.py" line="185"/>
        <source>Door: a child is younger than (years):</source>
        <translation>门口：儿童指未满（岁）：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/settings.py" line="186"/>
        <source>Door: an elder is from (years):</source>
        <translation>门口：老人指年满（岁）：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/settings.py" line="187"/>
        <source>Desk list colours (minutes in the step):</source>
        <translation>导医台列表颜色（本环节分钟数）：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/settings.py" line="188"/>
        <source>e.g. A</source>
        <translation>例如 A</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/settings.py" line="192"/>
        <source>Amber from</source>
        <translation>变黄起</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/settings.py" line="193"/>
        <source>Red from</source>
        <translation>变红起</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/settings.py" line="198"/>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/settings.py" line="199"/>
        <source>empty: the backups folder in the data directory</source>
        <translation>留空：使用数据目录下的 backups 文件夹</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/settings.py" line="200"/>
        <source>Changing the PIN length means everyone needs a new PIN of that length before they can unlock with a PIN.</source>
        <translation>修改 PIN 码位数后，每位员工都需要设置新位数的 PIN 码，才能用 PIN 码解锁。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/settings.py" line="202"/>
        <source>&amp;Save settings</source>
        <translation>保存设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/settings.py" line="246"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/settings.py" line="246"/>
        <source>Nothing changed.</source>
        <translation>没有改动。</translation>
    </message>
</context>
<context>
    <name>SignInPanel</name>
    <message>
        <location filename="../../frontdesk/ui/staffing/signin.py" line="79"/>
        <source>Sign in at the start of your shift: choose your name and type your own PIN. Nobody signs in for someone else.</source>
        <translation>上班签到：选择您的姓名并输入本人 PIN。严禁他人代签。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/signin.py" line="80"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/signin.py" line="81"/>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/signin.py" line="82"/>
        <source>Shift:</source>
        <translation>班次：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/signin.py" line="83"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/signin.py" line="84"/>
        <source>PIN:</source>
        <translation>PIN：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/signin.py" line="85"/>
        <source>Your PIN</source>
        <translation>您的 PIN</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/signin.py" line="86"/>
        <source>&amp;Sign in</source>
        <translation>签到(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/signin.py" line="87"/>
        <source>Sign in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/signin.py" line="113"/>
        <source> (signed in {time})</source>
        <translation>（{time} 已签到）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/signin.py" line="121"/>
        <source>{name} (not on today&apos;s roster)</source>
        <translation>{name}（今天未排班）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/signin.py" line="132"/>
        <source>My rostered shift</source>
        <translation>按排班</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/signin.py" line="148"/>
        <source>Choose your name first.</source>
        <translation>请先选择您的姓名。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/signin.py" line="174"/>
        <source>{name} signed in at {time}: late by {minutes} min, fine {amount} yuan.</source>
        <translation>{name} 于 {time} 签到：迟到 {minutes} 分钟，罚款 {amount} 元。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/signin.py" line="178"/>
        <source>{name} signed in at {time}: late by {minutes} min, within the grace period.</source>
        <translation>{name} 于 {time} 签到：晚到 {minutes} 分钟，在宽限时间内。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/signin.py" line="181"/>
        <source>{name} signed in at {time}: on time, but the rules ask for {early} minutes before the shift.</source>
        <translation>{name} 于 {time} 签到：未迟到，但规定每班提前 {early} 分钟到岗。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/signin.py" line="186"/>
        <source>{name} signed in at {time}, on time.</source>
        <translation>{name} 于 {time} 签到，准时。</translation>
    </message>
</context>
<context>
    <name>SlipActions</name>
    <message>
        <location filename="../../frontdesk/ui/reception/slip_actions.py" line="78"/>
        <source>Nothing was printed.</source>
        <translation>未打印任何内容。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/slip_actions.py" line="84"/>
        <source>Nothing was printed and nothing was changed.</source>
        <translation>未打印，也未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/slip_actions.py" line="93"/>
        <source>The print could not be added to the visit&apos;s history: {reason}</source>
        <translation>单据已打印，但未能记入该就诊的打印记录：{reason}</translation>
    </message>
</context>
<context>
    <name>SlipPrinter</name>
    <message>
        <location filename="../../frontdesk/ui/widgets/printing.py" line="205"/>
        <source>The printer “{name}” is no longer available. Choose another printer in the print dialog or in the settings.</source>
        <translation>打印机“{name}”已不可用。请在打印对话框或设置中另选一台打印机。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/printing.py" line="226"/>
        <source>The slip could not be prepared for printing.</source>
        <translation>单据无法准备打印。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/printing.py" line="236"/>
        <source>Print slip</source>
        <translation>打印单据</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/printing.py" line="241"/>
        <location filename="../../frontdesk/ui/widgets/printing.py" line="476"/>
        <source>Printing was cancelled. Nothing was changed.</source>
        <translation>已取消打印，未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/printing.py" line="248"/>
        <source>Printing on “{name}” failed. Nothing was changed; check the printer and try again.</source>
        <translation>在“{name}”上打印失败，未做任何更改。请检查打印机后重试。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/printing.py" line="249"/>
        <source>printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/widgets/printing.py" line="252"/>
        <source>Sent to “{name}”.</source>
        <translation>已发送到“{name}”。</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="65"/>
        <source>Add staff member</source>
        <translation>添加员工</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="66"/>
        <source>&amp;Username:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="67"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="68"/>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="69"/>
        <source>&amp;Sex:</source>
        <translation>性别(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="70"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="71"/>
        <source>P&amp;IN:</source>
        <translation>PIN 码(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="72"/>
        <source>at least 8 characters, letters and digits</source>
        <translation>至少 8 位，须含字母和数字</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="73"/>
        <source>{n} digits</source>
        <translation>{n} 位数字</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="76"/>
        <source>not given</source>
        <translation>未填</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="76"/>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="77"/>
        <source>male</source>
        <translation>男</translation>
    </message>
</context>
<context>
    <name>StaffTab</name>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="180"/>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="180"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="180"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="181"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="181"/>
        <source>Since</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="182"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="183"/>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="184"/>
        <source>New &amp;password…</source>
        <translation>重设密码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="185"/>
        <source>New P&amp;IN…</source>
        <translation>重设 PIN 码(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="186"/>
        <source>&amp;Clear lock-out</source>
        <translation>解除锁定(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="202"/>
        <source>deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="204"/>
        <source>locked out</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="206"/>
        <source>active</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="232"/>
        <source>&amp;Reactivate</source>
        <translation>重新启用(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="234"/>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="240"/>
        <source>Added {name}.</source>
        <translation>已添加 {name}。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="248"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="249"/>
        <source>Deactivate {name}? They can no longer log in; their history is kept.</source>
        <translation>停用 {name} 吗？停用后不能再登录，其工作记录会保留。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="253"/>
        <source>{name} is deactivated.</source>
        <translation>{name} 已停用。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="255"/>
        <source>{name} is active again.</source>
        <translation>{name} 已重新启用。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/staff.py" line="265"/>
        <source>Saved for {name}.</source>
        <translation>已为 {name} 保存。</translation>
    </message>
</context>
<context>
    <name>StaffingArea</name>
    <message>
        <location filename="../../frontdesk/ui/staffing/staffing_area.py" line="49"/>
        <source>Roster</source>
        <translation>排班表</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/staffing_area.py" line="50"/>
        <source>Swaps</source>
        <translation>换班</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/staffing_area.py" line="51"/>
        <source>Leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/staffing_area.py" line="52"/>
        <source>Rules broken and rewards</source>
        <translation>违规与奖励</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/staffing_area.py" line="53"/>
        <source>Fines list</source>
        <translation>奖惩条款</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/staffing_area.py" line="54"/>
        <source>Staffing</source>
        <translation>排班与考勤</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/staffing_area.py" line="64"/>
        <source>Log in to see the roster.</source>
        <translation>请先登录查看排班。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/staffing_area.py" line="66"/>
        <source>The supervisor makes the roster; ask for a swap or leave here.</source>
        <translation>排班由主管安排；可在这里申请换班或请假。</translation>
    </message>
</context>
<context>
    <name>SwapsTab</name>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="181"/>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="193"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="181"/>
        <source>My shift</source>
        <translation>我的班次</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="182"/>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="193"/>
        <source>Swap with</source>
        <translation>换给</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="182"/>
        <source>Their shift back</source>
        <translation>还班班次</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="183"/>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="186"/>
        <source>Back on</source>
        <translation>还班日期</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="187"/>
        <source>Ask for the swap</source>
        <translation>申请换班</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="188"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="189"/>
        <source>Refuse</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="190"/>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="191"/>
        <source>Note on the decision (optional)</source>
        <translation>审批意见（可选）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="193"/>
        <source>Asked by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="193"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="194"/>
        <source>Back</source>
        <translation>还班</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="194"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="194"/>
        <source>Decided by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="209"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/staffing/requests.py" line="239"/>
        <source>(nothing back)</source>
        <translation>（不还班）</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../frontdesk/ui/queue/calling_dialogs.py" line="37"/>
        <source>Transfer {number} {name}</source>
        <translation>转诊 {number} {name}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling_dialogs.py" line="53"/>
        <source>&amp;Department</source>
        <translation>科室(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling_dialogs.py" line="54"/>
        <source>Doc&amp;tor</source>
        <translation>医生(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling_dialogs.py" line="55"/>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling_dialogs.py" line="56"/>
        <source>No new registration: the fee rules say whether anything more is due.</source>
        <translation>无需重新挂号；是否补缴费用按收费规则计算。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling_dialogs.py" line="60"/>
        <source>Transfer</source>
        <translation>转诊</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling_dialogs.py" line="72"/>
        <source>Any doctor</source>
        <translation>任一医生</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/calling_dialogs.py" line="89"/>
        <source>{number} transferred: {fee} more to pay at billing.</source>
        <translation>{number} 已转诊：请到收费处补缴 {fee}。</translation>
    </message>
</context>
<context>
    <name>TriagePanel</name>
    <message>
        <location filename="../../frontdesk/ui/reception/triage.py" line="256"/>
        <source>matched: {words}</source>
        <translation>匹配：{words}</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/triage.py" line="302"/>
        <source>⚠ RED FLAG: {words} — send to Emergency now, escort at once; the fee is paid later.</source>
        <translation>⚠ 危急症状：{words} —— 立即分到急诊并陪送，先救治后缴费。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/triage.py" line="310"/>
        <source>Any doctor on duty</source>
        <translation>不指定（在班医生均可）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/triage.py" line="326"/>
        <source>(not on duty now)</source>
        <translation>（现在不在班）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/triage.py" line="337"/>
        <source>{n} waiting</source>
        <translation>{n} 人候诊</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/triage.py" line="362"/>
        <source>&amp;Complaint — what is bothering the patient most?</source>
        <translation>主诉(&amp;C) —— 主要是哪里不舒服？</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/triage.py" line="363"/>
        <source>e.g. stomach ache for three days</source>
        <translation>例如：胃痛三天</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/triage.py" line="364"/>
        <source>Complaint</source>
        <translation>主诉</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/triage.py" line="365"/>
        <source>&amp;Department (suggested first)</source>
        <translation>科室(&amp;D)（建议的排在前面）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/triage.py" line="366"/>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/triage.py" line="367"/>
        <source>D&amp;octor (on duty first)</source>
        <translation>医生(&amp;O)（在班的排在前面）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/triage.py" line="368"/>
        <source>Doctor</source>
        <translation>医生</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/triage.py" line="369"/>
        <source>Confirm triage (Ctrl+Enter)</source>
        <translation>确认分诊 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/triage.py" line="370"/>
        <source>Confirm triage</source>
        <translation>确认分诊</translation>
    </message>
</context>
<context>
    <name>TriageRulesBox</name>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="222"/>
        <source>Triage rules</source>
        <translation>分诊规则</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="223"/>
        <location filename="../../frontdesk/ui/admin/rules.py" line="254"/>
        <source>Take the installed triage rules</source>
        <translation>采用本机安装的分诊规则</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="237"/>
        <source>The database&apos;s triage rules are the installed ones (triage.toml).</source>
        <translation>数据库中的分诊规则与本机安装的规则一致（triage.toml）。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="239"/>
        <source>The database&apos;s triage rules are older than or different from the installed triage.toml: every desk triages with the database&apos;s until you take the installed ones.</source>
        <translation>数据库中的分诊规则与本机安装的 triage.toml 不一致（较旧或被改过）：在采用本机安装的规则之前，各导医台都按数据库中的规则分诊。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="243"/>
        <source>The database&apos;s triage rules cannot be compared with the installed triage.toml.</source>
        <translation>无法将数据库中的分诊规则与本机安装的 triage.toml 比较。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="255"/>
        <source>Replace the database&apos;s triage rules with the installed triage.toml? Every desk triages with them from its next suggestion.</source>
        <translation>用本机安装的 triage.toml 替换数据库中的分诊规则吗？各导医台下次分诊即用新规则。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/admin/rules.py" line="262"/>
        <source>The installed triage rules are taken.</source>
        <translation>已采用本机安装的分诊规则。</translation>
    </message>
</context>
<context>
    <name>TriageStep</name>
    <message>
        <location filename="../../frontdesk/ui/reception/steps.py" line="123"/>
        <location filename="../../frontdesk/ui/reception/steps.py" line="155"/>
        <source>No record linked yet</source>
        <translation>尚未关联档案</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/steps.py" line="153"/>
        <source>Find record (F3)</source>
        <translation>查找档案 (F3)</translation>
    </message>
</context>
<context>
    <name>VisitList</name>
    <message>
        <location filename="../../frontdesk/ui/reception/visits.py" line="55"/>
        <source>Waiting for desk</source>
        <translation>待接待</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/visits.py" line="57"/>
        <source>Escort not back</source>
        <translation>陪诊未返回</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/visits.py" line="74"/>
        <source>At the door</source>
        <translation>待接待</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/visits.py" line="76"/>
        <source>Escort out</source>
        <translation>陪诊未回</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/visits.py" line="89"/>
        <source>New arrival</source>
        <translation>新到患者</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/visits.py" line="90"/>
        <source>1st visit</source>
        <translation>初诊</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/visits.py" line="91"/>
        <source>returning</source>
        <translation>复诊</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/visits.py" line="93"/>
        <source>booked</source>
        <translation>有预约</translation>
    </message>
</context>
<context>
    <name>VisitListModel</name>
    <message>
        <location filename="../../frontdesk/ui/reception/visits.py" line="117"/>
        <source>No.</source>
        <translation>号</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/visits.py" line="118"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/visits.py" line="120"/>
        <source>Min</source>
        <translation>本步</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/visits.py" line="122"/>
        <source>Minutes in this step</source>
        <translation>在这一步已等的分钟数</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/visits.py" line="123"/>
        <source>Minutes since arrival</source>
        <translation>到达以来的分钟数</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/visits.py" line="119"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/visits.py" line="121"/>
        <source>Total</source>
        <translation>共计</translation>
    </message>
</context>
<context>
    <name>VisitListPanel</name>
    <message>
        <location filename="../../frontdesk/ui/reception/visits.py" line="274"/>
        <source>Patients · {n} waiting for the desk</source>
        <translation>患者 · {n} 人待接待</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/visits.py" line="327"/>
        <source>Patients at the desk</source>
        <translation>导医台患者列表</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/reception/visits.py" line="328"/>
        <source>No one is waiting. New arrivals from the door appear here.</source>
        <translation>暂无患者。门口导医交接的新患者会出现在这里。</translation>
    </message>
</context>
<context>
    <name>VoiceSettingsPanel</name>
    <message>
        <location filename="../../frontdesk/ui/queue/voice/settings_panel.py" line="35"/>
        <source>Automatic (best available)</source>
        <translation>自动（选用可用的最佳引擎）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/voice/settings_panel.py" line="36"/>
        <source>System voice (Qt text-to-speech)</source>
        <translation>系统语音（Qt 语音合成）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/voice/settings_panel.py" line="37"/>
        <source>espeak-ng (offline)</source>
        <translation>espeak-ng（离线）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/voice/settings_panel.py" line="38"/>
        <source>Pre-recorded clips (number and room)</source>
        <translation>预录语音片段（只报号码和诊室）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/voice/settings_panel.py" line="39"/>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/voice/settings_panel.py" line="42"/>
        <source>Masked name (王某芳)</source>
        <translation>隐去部分姓名（王某芳）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/voice/settings_panel.py" line="43"/>
        <source>No name, the number only</source>
        <translation>不报姓名，只报号码</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/voice/settings_panel.py" line="114"/>
        <source>Engine</source>
        <translation>语音引擎</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/voice/settings_panel.py" line="114"/>
        <source>Voice</source>
        <translation>语音</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/voice/settings_panel.py" line="114"/>
        <source>Say each call</source>
        <translation>每次叫号播报</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/voice/settings_panel.py" line="114"/>
        <source>Chime</source>
        <translation>提示音</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/voice/settings_panel.py" line="115"/>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/voice/settings_panel.py" line="115"/>
        <source>Patient&apos;s name</source>
        <translation>患者姓名</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/voice/settings_panel.py" line="118"/>
        <source> times</source>
        <translation> 遍</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/voice/settings_panel.py" line="119"/>
        <source>Ding-dong before each call</source>
        <translation>每次叫号前先响“叮咚”</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/voice/settings_panel.py" line="120"/>
        <source>&amp;Test the voice</source>
        <translation>试听(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/voice/settings_panel.py" line="121"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/voice/settings_panel.py" line="123"/>
        <location filename="../../frontdesk/ui/queue/voice/settings_panel.py" line="139"/>
        <source>First Mandarin voice</source>
        <translation>第一个普通话语音</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/voice/settings_panel.py" line="168"/>
        <source>the system voice</source>
        <translation>系统语音</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/voice/settings_panel.py" line="169"/>
        <source>the pre-recorded clips</source>
        <translation>预录语音片段</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/voice/settings_panel.py" line="169"/>
        <source>nothing (voice off)</source>
        <translation>无（语音已关闭）</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/voice/settings_panel.py" line="170"/>
        <source>Speaking with {engine}.</source>
        <translation>正在使用{engine}播报。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/voice/settings_panel.py" line="172"/>
        <source>The chosen engine is not available on this PC.</source>
        <translation>本机没有所选的语音引擎。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/voice/settings_panel.py" line="174"/>
        <source>This PC has no sound output: connect speakers.</source>
        <translation>本机没有声音输出设备，请连接音箱。</translation>
    </message>
    <message>
        <location filename="../../frontdesk/ui/queue/voice/settings_panel.py" line="177"/>
        <source>Sound failed.</source>
        <translation>声音播放失败。</translation>
    </message>
</context>
</TS>
