<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccountPage</name>
    <message>
        <source>Reduce an item&apos;s charges for some months (减免), with the reason and who approved it</source>
        <translation>减免某个收费项目若干月份的费用，须填写原因和批准人</translation>
    </message>
    <message>
        <source>Go to the payment page with this room chosen</source>
        <translation>转到收款页，并选好此房屋</translation>
    </message>
    <message>
        <source>Room account</source>
        <translation>房屋账户</translation>
    </message>
    <message>
        <source>&amp;Find the room</source>
        <translation>查找房屋(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Take a payment</source>
        <translation>收款(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Reduce…</source>
        <translation>减免(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Print receipt copy</source>
        <translation>补打收据(&amp;P)</translation>
    </message>
    <message>
        <source>Print the receipt of the entry selected below again, marked as a copy (补打)</source>
        <translation>重新打印下方所选记录的收据，标注“副本（补打）”</translation>
    </message>
    <message>
        <source>&amp;Charges, by month</source>
        <translation>应收费用（按月）(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Entries: payments, reductions, prepayment, voids (newest last)</source>
        <translation>账户记录：收款、减免、预交、作废（最新的在最后）(&amp;E)</translation>
    </message>
</context>
<context>
    <name>AreasPage</name>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务数</translation>
    </message>
    <message>
        <source>A week</source>
        <translation>每周时长</translation>
    </message>
    <message>
        <source>What</source>
        <translation>工作内容</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>频次</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>标准时长</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日</translation>
    </message>
    <message>
        <source>No areas yet. Each unit&apos;s stairwell appears here once the households file has its rooms; add roads and squares, garbage points, green belts and the other common areas with “Add common area…”.</source>
        <translation>还没有保洁区域。房屋档案录入房间后，各单元楼道会自动出现在这里；道路及广场、垃圾点、绿化带等公共区域请用“添加公共区域…”添加。</translation>
    </message>
    <message>
        <source>{count} areas selected: name their responsible cleaner at once.</source>
        <translation>已选 {count} 个区域：可一次指定责任人。</translation>
    </message>
    <message>
        <source>Select an area to see its tasks.</source>
        <translation>选择一个区域，查看其保洁任务。</translation>
    </message>
    <message>
        <source>No tasks yet: “Add task…”, or the usual tasks of its kind in one click.</source>
        <translation>还没有任务：点“添加任务…”，或一键添加该类区域的默认任务。</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>移除{name}</translation>
    </message>
    <message>
        <source>Take {name} out of the areas, with its {count} tasks? Its rotas and inspections stay; it is no longer planned or inspected.</source>
        <translation>移除区域“{name}”及其 {count} 项任务？已有排班和检查记录保留，今后不再排班和检查。</translation>
    </message>
    <message>
        <source>A stairwell removed is not made again when rooms are added there (a building of shops has none to clean).</source>
        <translation>移除的楼道在该处再添加房间时不会重新生成（如商铺楼无需保洁）。</translation>
    </message>
    <message>
        <source>Responsible cleaner</source>
        <translation>指定责任人</translation>
    </message>
    <message>
        <source>No cleaners yet: add them on the team page</source>
        <translation>还没有保洁员：请先在“保洁员与请假”页添加</translation>
    </message>
    <message>
        <source>{name} ({count} areas)</source>
        <translation>{name}（负责 {count} 处）</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>不指定</translation>
    </message>
    <message>
        <source>Stop a task</source>
        <translation>停用任务</translation>
    </message>
    <message>
        <source>Stop “{what}” ({every}) in {area}? The rotas that had it keep their history.</source>
        <translation>停用{area}的“{what}”（{every}）？已有排班保留历史记录。</translation>
    </message>
    <message>
        <source>Default tasks</source>
        <translation>默认任务</translation>
    </message>
    <message>
        <source>{count} tasks added. Change any of them with “Change task…”.</source>
        <translation>已添加 {count} 项任务。可用“修改任务…”逐项调整。</translation>
    </message>
    <message>
        <source>Every area that has usual tasks has tasks already: nothing was added.</source>
        <translation>有默认任务的区域都已有任务，未添加。</translation>
    </message>
</context>
<context>
    <name>ArrearsPage</name>
    <message>
        <source>For the rooms selected…</source>
        <translation>选中的房屋…</translation>
    </message>
    <message>
        <source>For every room listed…</source>
        <translation>列出的全部房屋…</translation>
    </message>
    <message>
        <source>Any length of time</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>Owners</source>
        <translation>业主</translation>
    </message>
    <message>
        <source>Owed (yuan)</source>
        <translation>欠费（元）</translation>
    </message>
    <message>
        <source>Unpaid since</source>
        <translation>欠费起始月</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>欠费时长（月）</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>欠费时长</translation>
    </message>
    <message>
        <source>Reading the arrears…</source>
        <translation>正在统计欠费…</translation>
    </message>
    <message>
        <source>No room owing money matches “{text}”.</source>
        <translation>没有与“{text}”相符的欠费房屋。</translation>
    </message>
    <message>
        <source>No room owes anything here as of this day.</source>
        <translation>截至当日，这里没有欠费的房屋。</translation>
    </message>
    <message>
        <source>Export the arrears</source>
        <translation>导出欠费清单</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>{count} rooms were written to
{path}</source>
        <translation>已导出 {count} 户到
{path}</translation>
    </message>
    <message>
        <source>Print reminders</source>
        <translation>打印催缴通知单</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the reminders…</source>
        <translation>正在生成催缴通知单…</translation>
    </message>
    <message>
        <source>{count} reminders were written to
{path}</source>
        <translation>{count} 份催缴通知单已保存到
{path}</translation>
    </message>
    <message>
        <source>Search room or owner</source>
        <translation>搜索房号或业主</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>What was owed at the end of this day (payments made later not counted)</source>
        <translation>截至当日结束时的欠费（之后的缴费不计入）</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Owing for</source>
        <translation>欠费时长</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>The rooms listed, to an Excel or CSV file</source>
        <translation>把列出的房屋导出为 Excel 或 CSV 文件</translation>
    </message>
    <message>
        <source>Double-click a room to open its account. Reminders list what is owed by item and month, and how to pay (fee settings).</source>
        <translation>双击房屋可打开其账户。催缴通知单按收费项目和月份列出欠费，并注明缴费方式（见收费设置）。</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>BallotsPage</name>
    <message>
        <source>Filter by serial, voter, room, proxy or clerk</source>
        <translation>按票号、表决权人、房号、委托代理人或录入人筛选</translation>
    </message>
    <message>
        <source>Void ballot…</source>
        <translation>作废选票…</translation>
    </message>
    <message>
        <source>Take the selected ballot out of the count, with a reason; it stays on file</source>
        <translation>将所选选票作废、不再计票（须填写原因）；该票记录仍保留</translation>
    </message>
    <message>
        <source>Import keyed ballots…</source>
        <translation>从表格导入选票…</translation>
    </message>
    <message>
        <source>Ballots keyed into a spreadsheet (serial or room, answer or candidates, proxy), entered by the same rules</source>
        <translation>导入在表格中录好的选票（票号或房号、表决意见或所选候选人、委托代理人），按同样的规则录入</translation>
    </message>
    <message>
        <source>Ballots</source>
        <translation>选票</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Voided ballots stay on file and count for no one; a new ballot of the same voter can be entered.</source>
        <translation>已作废的选票仍保留记录，不计入任何一方；同一表决权人可以重新录入一张选票。</translation>
    </message>
    <message>
        <source>Entered differently</source>
        <translation>两次录入不一致</translation>
    </message>
    <message>
        <source>Ballots whose second entry reads otherwise than the first: check the paper ballot, void the wrong entry and enter the ballot again.</source>
        <translation>第二次录入与第一次不一致的选票：请核对纸质选票，作废录错的记录，再重新录入。</translation>
    </message>
    <message>
        <source>Proxies over the limit</source>
        <translation>代投超限的委托代理人</translation>
    </message>
</context>
<context>
    <name>BillingPage</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Charges made</source>
        <translation>生成应收笔数</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Reductions (yuan)</source>
        <translation>减免（元）</translation>
    </message>
    <message>
        <source>No billing run yet: the first one is made here.</source>
        <translation>还没有开账记录：第一次开账请在本页进行。</translation>
    </message>
    <message>
        <source>Billing run</source>
        <translation>开账</translation>
    </message>
    <message>
        <source>Bill every room for {months}?

{preview}</source>
        <translation>确定为所有房屋开 {months} 的账吗？

{preview}</translation>
    </message>
    <message>
        <source>Billing {months}…</source>
        <translation>正在开账（{months}）…</translation>
    </message>
    <message>
        <source>Bill every room for these months</source>
        <translation>为所有房屋开账</translation>
    </message>
    <message>
        <source>From month</source>
        <translation>起始月份</translation>
    </message>
    <message>
        <source>e.g. 2027-01</source>
        <translation>如 2027-01</translation>
    </message>
    <message>
        <source>to month</source>
        <translation>至</translation>
    </message>
    <message>
        <source>e.g. 2027-12</source>
        <translation>如 2027-12</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>全年</translation>
    </message>
    <message>
        <source>January to December of the year of the first month</source>
        <translation>起始月份所在年度的 1 月至 12 月</translation>
    </message>
    <message>
        <source>Bill these months…</source>
        <translation>为这些月份开账…</translation>
    </message>
    <message>
        <source>A run charges every room the fee items apply to, once per item and month: running the same months again bills only rooms and items added since. Standing reductions (fee settings) are written as their own lines, and prepayments pay the new charges.</source>
        <translation>开账时，为收费项目适用的每户房屋按项目、按月各生成一笔应收：同样的月份再开一次账，只会补开此后新增的房屋和项目。常设减免（见收费设置）单独记为一行，预交款自动冲抵新的应收费用。</translation>
    </message>
    <message>
        <source>Billing runs made so far, newest first</source>
        <translation>历次开账记录（最新的在前）</translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <source>New order… (F2)</source>
        <translation>新建工单… (F2)</translation>
    </message>
    <message>
        <source>Take a call: the room, the category, what is wrong</source>
        <translation>受理来电：房号、类别、报修内容</translation>
    </message>
    <message>
        <source>Follow-up note (N)</source>
        <translation>跟进备注 (N)</translation>
    </message>
    <message>
        <source>Note how the order chosen was chased today</source>
        <translation>记下今天对所选工单的跟进情况</translation>
    </message>
    <message>
        <source>Print daily sheet</source>
        <translation>打印日清日审表</translation>
    </message>
    <message>
        <source>Every open order on one page, to chase them through the day</source>
        <translation>全部未结工单打印在一页上，便于当天逐一跟进</translation>
    </message>
    <message>
        <source>e.g. called the owner; the worker comes at 3 pm</source>
        <translation>如：已联系业主，师傅下午3点上门</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>保存 (Enter)</translation>
    </message>
    <message>
        <source>Red: overdue; amber: due today; grey: met late; [Emergency]: an emergency. N or Enter on an order: a follow-up note (Enter saves, Esc leaves it). Double-click: the order in detail.</source>
        <translation>红色：已超时；橙色：今日到期；灰色：超时完成；【急】：急修。选中工单按 N 或 Enter：写跟进备注（Enter 保存，Esc 放弃）。双击：查看工单详情。</translation>
    </message>
</context>
<context>
    <name>CleanerDialog</name>
    <message>
        <source>Change {name}</source>
        <translation>修改保洁员 {name}</translation>
    </message>
    <message>
        <source>Remove {name} from the team</source>
        <translation>移除保洁员 {name}</translation>
    </message>
    <message>
        <source>{name} leaves the cleaning team: no longer planned in rotas from now on. Their rotas, leave and inspection scores stay.</source>
        <translation>{name}将离开保洁队伍，今后不再排班；其排班、请假和检查评分记录保留。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>= {time} a day</source>
        <translation>即每天 {time}</translation>
    </message>
    <message>
        <source>Add a cleaner</source>
        <translation>添加保洁员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>a mobile or landline; may be empty</source>
        <translation>手机或座机，可不填</translation>
    </message>
    <message>
        <source>Days off</source>
        <translation>休息日</translation>
    </message>
    <message>
        <source>Minutes of work a day</source>
        <translation>每天工作分钟数</translation>
    </message>
    <message>
        <source>e.g. 480</source>
        <translation>如 480</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>The rota gives a cleaner work only on their working days, outside their leave, and no more minutes a day than these.</source>
        <translation>排班只在保洁员的工作日、请假之外安排工作，每天不超过这里的分钟数。</translation>
    </message>
</context>
<context>
    <name>CleaningAreaDialog</name>
    <message>
        <source>Rename {name}</source>
        <translation>重命名 {name}</translation>
    </message>
    <message>
        <source>Add a common area</source>
        <translation>添加公共区域</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Where it is, what it takes: optional</source>
        <translation>位置、保洁要求等，可不填</translation>
    </message>
    <message>
        <source>Each unit&apos;s stairwell comes from the households file and follows it; add here the areas the households file does not know.</source>
        <translation>各单元楼道由房屋档案自动生成并随之变化；这里添加房屋档案之外的区域。</translation>
    </message>
</context>
<context>
    <name>CleaningAreasPage</name>
    <message>
        <source>Add default tasks to every area</source>
        <translation>为所有区域添加默认任务</translation>
    </message>
    <message>
        <source>Each area gets the usual tasks of its kind (RULES.md §5), which you can change afterwards</source>
        <translation>每个区域按其类型添加常规保洁任务，之后可逐项修改</translation>
    </message>
    <message>
        <source>Add common area…</source>
        <translation>添加公共区域…</translation>
    </message>
    <message>
        <source>Roads and squares, a garbage point, a green belt, the car park, drains and wells, a septic tank, a water tank…; stairwells come from the households file</source>
        <translation>道路及广场、垃圾点、绿化带、停车场、雨污水井、化粪池、水箱等；楼道由房屋档案生成</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Give the selected area another name or note; its tasks, rotas and inspections follow it</source>
        <translation>修改所选区域的名称或备注，其任务、排班和检查记录随之更新</translation>
    </message>
    <message>
        <source>Remove area…</source>
        <translation>移除区域…</translation>
    </message>
    <message>
        <source>Take the selected area out of use with its tasks; its rotas and inspections stay</source>
        <translation>停用所选区域及其任务，排班和检查记录保留</translation>
    </message>
    <message>
        <source>Responsible cleaner</source>
        <translation>指定责任人</translation>
    </message>
    <message>
        <source>Name the cleaner responsible for the selected areas (责任制), or none</source>
        <translation>为所选区域指定责任保洁员（责任制），或不指定</translation>
    </message>
    <message>
        <source>Add task…</source>
        <translation>添加任务…</translation>
    </message>
    <message>
        <source>A task of the selected area: what is done, how often, its standard minutes</source>
        <translation>为所选区域添加任务：工作内容、频次、标准时长</translation>
    </message>
    <message>
        <source>Change task…</source>
        <translation>修改任务…</translation>
    </message>
    <message>
        <source>Change what, how often or how long; accepted rotas are planned again where they no longer hold</source>
        <translation>修改工作内容、频次或时长；已确认的排班中不再适用的部分会重新排</translation>
    </message>
    <message>
        <source>Stop task…</source>
        <translation>停用任务…</translation>
    </message>
    <message>
        <source>The task is no longer done; the rotas that had it keep their history</source>
        <translation>该任务不再执行，原有排班保留历史记录</translation>
    </message>
    <message>
        <source>Add default tasks</source>
        <translation>添加默认任务</translation>
    </message>
    <message>
        <source>The usual tasks for an area of this kind (RULES.md §5), for the selected areas that have none</source>
        <translation>为所选的尚无任务的区域添加该类区域的常规任务</translation>
    </message>
</context>
<context>
    <name>CleaningTab</name>
    <message>
        <source>Ctrl+1, Ctrl+2… switch between the cleaning schedule&apos;s pages</source>
        <translation>Ctrl+1、Ctrl+2… 切换保洁排班的各页</translation>
    </message>
</context>
<context>
    <name>CleaningTaskDialog</name>
    <message>
        <source>empty: every month; counted from {date}</source>
        <translation>不填：每月都排，自 {date} 起算</translation>
    </message>
    <message>
        <source>Change a task of {area}</source>
        <translation>修改{area}的任务</translation>
    </message>
    <message>
        <source>{frequency}; written as {spec}</source>
        <translation>{frequency}；命令行写作 {spec}</translation>
    </message>
    <message>
        <source>about {week} a week</source>
        <translation>每周约 {week}</translation>
    </message>
    <message>
        <source>Add a task</source>
        <translation>添加任务</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>What is done</source>
        <translation>工作内容</translation>
    </message>
    <message>
        <source>Choose a usual work or type your own; it is printed on the cleaner&apos;s task sheet</source>
        <translation>选择常用工作或自行输入，会打印在保洁员的每日任务单上</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>频次</translation>
    </message>
    <message>
        <source>On day</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>of the month</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Minutes each time</source>
        <translation>每次标准时长（分钟）</translation>
    </message>
    <message>
        <source>e.g. 20</source>
        <translation>如 20</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>The task&apos;s first day, for a task that starts later: nothing comes before it</source>
        <translation>以后才开始的任务填开始日期，此前不排</translation>
    </message>
    <message>
        <source>Give a first day only for a task that starts later: nothing comes before it. Every few days, every few months, yearly and times a week count from that day (else from the day the task was added): every 6 months from 2026-12-15 comes on 15 June and 15 December; twice a week from a Monday, on Monday and Thursday.</source>
        <translation>只有以后才开始的任务才填开始日期，此前不排。“每隔几天”“每隔几个月”“每年”和“每周几次”从这一天起算（不填则从添加任务之日起算）：自 2026-12-15 起每6个月，即6月15日和12月15日；自周一起每周2次，即周一和周四。</translation>
    </message>
</context>
<context>
    <name>CleaningTeamPage</name>
    <message>
        <source>Add cleaner…</source>
        <translation>添加保洁员…</translation>
    </message>
    <message>
        <source>A member of the cleaning team: name, phone, days off, minutes of work a day</source>
        <translation>保洁队伍成员：姓名、电话、休息日、每天工作分钟数</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Change the selected cleaner&apos;s name, phone, days off or minutes a day; accepted rotas are planned again where they no longer hold</source>
        <translation>修改所选保洁员的姓名、电话、休息日或每天工作时长；已确认的排班中不再适用的部分会重新排</translation>
    </message>
    <message>
        <source>Remove from team…</source>
        <translation>移除保洁员…</translation>
    </message>
    <message>
        <source>The cleaner leaves the team; their rotas and scores stay. Name another cleaner for their areas first.</source>
        <translation>保洁员离开队伍，其排班和评分保留。请先为其负责的区域指定其他责任人。</translation>
    </message>
    <message>
        <source>Enter leave…</source>
        <translation>登记请假…</translation>
    </message>
    <message>
        <source>The selected cleaner&apos;s leave, both days included; an accepted rota that put them to work then is planned again</source>
        <translation>所选保洁员的请假（含首尾两天）；已确认排班中安排其工作的日子会重新排</translation>
    </message>
    <message>
        <source>Take back leave…</source>
        <translation>撤销请假…</translation>
    </message>
    <message>
        <source>Leave entered by mistake; accepted rotas over it stay as they are</source>
        <translation>撤销误登记的请假；已确认的排班保持不变</translation>
    </message>
</context>
<context>
    <name>CollectPage</name>
    <message>
        <source>Post payment (Enter)</source>
        <translation>确认收款 (Enter)</translation>
    </message>
    <message>
        <source>Take a payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Prepaid (预交): {amount}</source>
        <translation>预交余额：{amount}</translation>
    </message>
    <message>
        <source>&amp;Find the room</source>
        <translation>查找房屋(&amp;F)</translation>
    </message>
    <message>
        <source>Open charges, oldest first (Space ticks or unticks a line)</source>
        <translation>未缴费用，最早的在前（按空格键勾选或取消勾选一行）</translation>
    </message>
    <message>
        <source>Tick all</source>
        <translation>全部勾选</translation>
    </message>
    <message>
        <source>Untick all</source>
        <translation>全部取消</translation>
    </message>
    <message>
        <source>&amp;Amount (¥)</source>
        <translation>金额（¥）(&amp;A)</translation>
    </message>
    <message>
        <source>The amount received, in yuan (360 or 1,234.56). It follows the ticked lines until you type your own.</source>
        <translation>实收金额，以元为单位（如 360 或 1,234.56）。自行输入之前，金额随勾选的费用自动计算。</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>&amp;Reference</source>
        <translation>交易单号(&amp;R)</translation>
    </message>
    <message>
        <source>Transfer or payment number</source>
        <translation>转账或支付的交易单号</translation>
    </message>
    <message>
        <source>Pa&amp;yer</source>
        <translation>交款人(&amp;Y)</translation>
    </message>
    <message>
        <source>Dat&amp;e</source>
        <translation>日期(&amp;E)</translation>
    </message>
    <message>
        <source>Receipt &amp;paper</source>
        <translation>收据纸张(&amp;P)</translation>
    </message>
    <message>
        <source>Open again</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Open the receipt&apos;s PDF again, to print it if the printer failed</source>
        <translation>再次打开收据 PDF，打印机出错时可重新打印</translation>
    </message>
    <message>
        <source>Print a copy</source>
        <translation>补打</translation>
    </message>
    <message>
        <source>Write the receipt again, marked as a copy (补打)</source>
        <translation>重新生成这张收据，标注“副本（补打）”</translation>
    </message>
</context>
<context>
    <name>CountsDialog</name>
    <message>
        <source>Scrutineers&apos; counts</source>
        <translation>监票人清点票数</translation>
    </message>
    <message>
        <source>Ballots issued (signed for)</source>
        <translation>发出选票数（已签收）</translation>
    </message>
    <message>
        <source>Ballots found in the box</source>
        <translation>票箱中收回的选票数</translation>
    </message>
    <message>
        <source>Why they are corrected</source>
        <translation>更正原因</translation>
    </message>
    <message>
        <source>e.g. a ballot was found inside the sign-for sheet</source>
        <translation>例如：签收表中夹有一张选票</translation>
    </message>
    <message>
        <source>The counts are the scrutineers&apos; own, made at the ballot box; they sign the record. If more ballots are found than were issued, the whole count is void.</source>
        <translation>以上票数由监票人在票箱前亲自清点，并在记录上签字。如收回的选票多于发出的选票，本次计票全部无效。</translation>
    </message>
</context>
<context>
    <name>EntryPage</name>
    <message>
        <source>&amp;Serial</source>
        <translation>票号(&amp;S)</translation>
    </message>
    <message>
        <source>scan the QR code or type the serial, e.g. 12-00345-3</source>
        <translation>扫描二维码或输入票号，如 12-00345-3</translation>
    </message>
    <message>
        <source>or &amp;room</source>
        <translation>或房号(&amp;R)</translation>
    </message>
    <message>
        <source>e.g. 3-2-501</source>
        <translation>如 3-2-501</translation>
    </message>
    <message>
        <source>Voter</source>
        <translation>表决权人</translation>
    </message>
    <message>
        <source>Ballot says</source>
        <translation>票面内容</translation>
    </message>
    <message>
        <source>numbers of the candidates marked, e.g. 1 3 7</source>
        <translation>所选候选人的序号，如 1 3 7</translation>
    </message>
    <message>
        <source>S&amp;poiled ballot</source>
        <translation>废票(&amp;P)</translation>
    </message>
    <message>
        <source>Signed by a pro&amp;xy (written proxy attached)</source>
        <translation>由委托代理人签署（附书面委托书）(&amp;X)</translation>
    </message>
    <message>
        <source>Proxy&apos;s name</source>
        <translation>代理人姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Second entry (double entry): check ballots another clerk entered</source>
        <translation>第二次录入（双人录入）：核对另一名工作人员录入的选票</translation>
    </message>
    <message>
        <source>Save and next (Enter)</source>
        <translation>保存并录入下一张 (Enter)</translation>
    </message>
    <message>
        <source>Start over (Esc)</source>
        <translation>重新录入 (Esc)</translation>
    </message>
</context>
<context>
    <name>FacilitiesPage</name>
    <message>
        <source>Facility</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>安装日期</translation>
    </message>
    <message>
        <source>Warranty until</source>
        <translation>保修至</translation>
    </message>
    <message>
        <source>Upkeep</source>
        <translation>保养周期</translation>
    </message>
    <message>
        <source>Last upkeep</source>
        <translation>上次保养</translation>
    </message>
    <message>
        <source>Next upkeep</source>
        <translation>下次保养</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完工时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>No facilities yet. Add the estate&apos;s common facilities with “Add facility…”: water pumps, lifts, fire equipment, door access, with their upkeep cycle.</source>
        <translation>还没有设备。用“新增设备…”登记小区的共用设施设备：水泵、电梯、消防设施、门禁等，并填上保养周期。</translation>
    </message>
    <message>
        <source>No upkeep is due within 30 days.</source>
        <translation>30天内没有到期的保养。</translation>
    </message>
    <message>
        <source>Select a facility to see its orders.</source>
        <translation>选中一台设备，查看它的工单。</translation>
    </message>
    <message>
        <source>Orders of {name}, newest first: {count}</source>
        <translation>{name}的工单（最新在前）：{count} 张</translation>
    </message>
    <message>
        <source>Take {name} out of the register</source>
        <translation>将{name}移出台账</translation>
    </message>
    <message>
        <source>Take {name} ({location}) out of the register? Its {count} orders stay in the repair log; no more upkeep falls due for it.</source>
        <translation>将{name}（{location}）移出设备台账？它的 {count} 张工单仍保留在报修台账中；此后不再提示它的保养。</translation>
    </message>
    <message>
        <source>Upkeep orders</source>
        <translation>保养工单</translation>
    </message>
    <message>
        <source>Add facility…</source>
        <translation>新增设备…</translation>
    </message>
    <message>
        <source>A common facility: water pump, lift, fire equipment, door access…</source>
        <translation>共用设施设备：水泵、电梯、消防设施、门禁…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Change what the register says of the selected facility</source>
        <translation>修改选中设备的台账信息</translation>
    </message>
    <message>
        <source>Take out of the register…</source>
        <translation>移出台账…</translation>
    </message>
    <message>
        <source>The facility was removed or replaced; its orders stay</source>
        <translation>设备已拆除或更换；它的工单保留</translation>
    </message>
    <message>
        <source>Time limits and holidays…</source>
        <translation>时限与节假日…</translation>
    </message>
    <message>
        <source>The time limit of each category, and the office&apos;s holiday table for years the statutory calendar does not know</source>
        <translation>各类别的时限，以及法定日历尚未覆盖年份的本处节假日表</translation>
    </message>
    <message>
        <source>Upkeep due (within 30 days)</source>
        <translation>保养到期（30天内）</translation>
    </message>
    <message>
        <source>Open one upkeep order for each facility listed (or only for those ticked); they go on the daily board</source>
        <translation>为列出的每台设备（或只为勾选的）各开一张保养工单，进入日清日审</translation>
    </message>
    <message>
        <source>Tick some to make orders for those only. A facility with an upkeep order still open is not listed.</source>
        <translation>勾选后只为勾选的设备生成工单。已有未结保养工单的设备不在此列出。</translation>
    </message>
</context>
<context>
    <name>FacilityDialog</name>
    <message>
        <source>Change {name}</source>
        <translation>修改{name}</translation>
    </message>
    <message>
        <source>Add a facility</source>
        <translation>新增设备</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>e.g. No. 2 water pump</source>
        <translation>如：2号生活水泵</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>e.g. pump room under building 3</source>
        <translation>如：3号楼地下泵房</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Installed on</source>
        <translation>安装日期</translation>
    </message>
    <message>
        <source>a date, e.g. 2019-06-01</source>
        <translation>如 2019-06-01</translation>
    </message>
    <message>
        <source>Warranty until</source>
        <translation>保修至</translation>
    </message>
    <message>
        <source>its last day covered; empty: none</source>
        <translation>空：无保修</translation>
    </message>
    <message>
        <source>Upkeep every</source>
        <translation>保养周期</translation>
    </message>
    <message>
        <source>1 to 120; empty: no regular upkeep</source>
        <translation>空：不定期保养</translation>
    </message>
    <message>
        <source>months</source>
        <translation>个月</translation>
    </message>
    <message>
        <source>Last upkeep</source>
        <translation>上次保养</translation>
    </message>
    <message>
        <source>The last upkeep done before the register was kept here; upkeep orders done later count from their own date</source>
        <translation>在本系统建账前最后一次保养的日期；此后完工的保养工单按其完工日期计算</translation>
    </message>
    <message>
        <source>e.g. 2026-09-20; may be empty</source>
        <translation>如 2026-09-20，可不填</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Upkeep falls due that many months after the last upkeep: the last upkeep order done, or the last upkeep entered here from the paper ledger, whichever is later (else after it was installed). Upkeep due within 30 days is listed on the register, to be made into orders.</source>
        <translation>保养到期日按上次保养后推若干个月计算：取最后完工的保养工单与此处从纸质台账录入的上次保养中较晚者（都没有则按安装日期）。30 天内到期的保养列在设备台账上，可一键生成工单。</translation>
    </message>
</context>
<context>
    <name>FeeItemDialog</name>
    <message>
        <source>Each month: the price × the room&apos;s exclusive area.</source>
        <translation>每月：单价 × 房屋专有面积。</translation>
    </message>
    <message>
        <source>Each month: the price, once per room (garbage removal, say).</source>
        <translation>每月：每户按单价收取一次（如垃圾清运费）。</translation>
    </message>
    <message>
        <source>Each month: the price × the parking spaces a room holds; rooms without one pay nothing.</source>
        <translation>每月：单价 × 该户的车位数；没有车位的房屋不收。</translation>
    </message>
    <message>
        <source>Once: the price per room, billed for the month of the date above only.</source>
        <translation>一次性：每户按单价收取，只在上面日期所在的月份开账。</translation>
    </message>
    <message>
        <source>Add a fee item</source>
        <translation>新增收费项目</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>e.g. property management fee</source>
        <translation>如 物业管理费</translation>
    </message>
    <message>
        <source>Charged</source>
        <translation>计费方式</translation>
    </message>
    <message>
        <source>Price (yuan)</source>
        <translation>单价（元）</translation>
    </message>
    <message>
        <source>up to 4 decimals, e.g. 0.85</source>
        <translation>最多 4 位小数，如 0.85</translation>
    </message>
    <message>
        <source>From</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>a date, e.g. 2027-01-01</source>
        <translation>日期，如 2027-01-01</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>适用房屋</translation>
    </message>
    <message>
        <source>Residential</source>
        <translation>住宅</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>商铺</translation>
    </message>
    <message>
        <source>Garage</source>
        <translation>车库</translation>
    </message>
</context>
<context>
    <name>FeeSettingsDialog</name>
    <message>
        <source>Empty: the reminders say “{text}”</source>
        <translation>留空时通知单上印：“{text}”</translation>
    </message>
    <message>
        <source>Fee settings</source>
        <translation>收费设置</translation>
    </message>
    <message>
        <source>Standing reductions (off unless ticked)</source>
        <translation>常设减免（勾选后生效）</translation>
    </message>
    <message>
        <source>Vacant-room discount</source>
        <translation>空置房优惠</translation>
    </message>
    <message>
        <source>e.g. 30</source>
        <translation>如 30</translation>
    </message>
    <message>
        <source>% off each charge of a room marked vacant</source>
        <translation>%：标为空置的房屋，每笔应收按此比例减免</translation>
    </message>
    <message>
        <source>Hardship reduction</source>
        <translation>低保/特困减免</translation>
    </message>
    <message>
        <source>e.g. 50</source>
        <translation>如 50</translation>
    </message>
    <message>
        <source>% off each charge of a hardship household</source>
        <translation>%：低保/特困户每笔应收按此比例减免</translation>
    </message>
    <message>
        <source>Both apply at billing: each charge they cut gets its own reduction line naming its rule, shown on the room&apos;s account. Charges billed before a change keep what they had.</source>
        <translation>两项减免都在开账时执行：每笔被减免的应收单独记一行减免，注明所依据的规则，可在房屋账户中查看。修改设置之前已开账的费用保持不变。</translation>
    </message>
    <message>
        <source>Printed on payment reminders</source>
        <translation>印在催缴通知单上</translation>
    </message>
    <message>
        <source>How to pay</source>
        <translation>缴费方式</translation>
    </message>
    <message>
        <source>Office phone</source>
        <translation>办公室电话</translation>
    </message>
    <message>
        <source>e.g. 0571-8888 6666</source>
        <translation>如 0571-8888 6666</translation>
    </message>
</context>
<context>
    <name>FeesTab</name>
    <message>
        <source>Ctrl+1 … Ctrl+7 switch between the ledger&apos;s pages</source>
        <translation>Ctrl+1 … Ctrl+7 切换台账的各个页面</translation>
    </message>
</context>
<context>
    <name>FiguresPage</name>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>工单数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Working out the month&apos;s figures…</source>
        <translation>正在统计本月数据…</translation>
    </message>
    <message>
        <source>No orders were received in this month.</source>
        <translation>本月没有受理工单。</translation>
    </message>
    <message>
        <source>No orders yet: the figures start with the first order taken.</source>
        <translation>还没有工单：受理第一张工单后开始统计。</translation>
    </message>
    <message>
        <source>Print the monthly report</source>
        <translation>打印月报</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the monthly report…</source>
        <translation>正在生成月报…</translation>
    </message>
    <message>
        <source>The report of {month} was written to
{path}</source>
        <translation>{month} 的月报已保存到
{path}</translation>
    </message>
    <message>
        <source>Orders received in</source>
        <translation>受理月份</translation>
    </message>
    <message>
        <source>The months orders were received in, the latest first</source>
        <translation>有工单受理的月份，最近的在前</translation>
    </message>
    <message>
        <source>Print the monthly report…</source>
        <translation>打印月报…</translation>
    </message>
    <message>
        <source>The month&apos;s figures against their targets, with the chart, as a PDF to print</source>
        <translation>本月各项指标与目标对照及图表，生成 PDF 打印</translation>
    </message>
    <message>
        <source>Time limits and holidays…</source>
        <translation>时限与节假日…</translation>
    </message>
    <message>
        <source>The time limit of each category, and the office&apos;s holiday table for years the statutory calendar does not know</source>
        <translation>各类别的时限，以及法定日历尚未覆盖年份的本处节假日表</translation>
    </message>
    <message>
        <source>Orders received in the month, cancelled ones left out. On time: every deadline met, on site and done; an order whose deadline has not come yet is not judged. Return visits and rework are over the orders done, satisfaction over the visits made.</source>
        <translation>统计当月受理的工单，已取消的不计。及时：到场和完成时限全部达到；时限未到的工单暂不评判。回访率、返修率以已完工工单为基数，满意率以回访次数为基数。</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <source>By kind</source>
        <translation>按类型</translation>
    </message>
    <message>
        <source>On-time rate, last 12 months</source>
        <translation>近12个月及时率</translation>
    </message>
    <message>
        <source>Orders by category, last 12 months</source>
        <translation>近12个月各类别工单数</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>{who} {number}: {message}</source>
        <translation>第 {number} 位{who}：{message}</translation>
    </message>
    <message>
        <source>Please confirm before saving:</source>
        <translation>保存前请确认：</translation>
    </message>
    <message>
        <source>Save all the same?</source>
        <translation>仍要保存吗？</translation>
    </message>
</context>
<context>
    <name>HouseholdsTab</name>
    <message>
        <source>Export the list shown…</source>
        <translation>导出当前列表…</translation>
    </message>
    <message>
        <source>Export the list shown, phone and ID numbers masked…</source>
        <translation>导出当前列表（隐去手机号和身份证号中间位）…</translation>
    </message>
    <message>
        <source>Print the list shown (PDF roster)…</source>
        <translation>打印当前列表（PDF 名册）…</translation>
    </message>
    <message>
        <source>Print preview of the list shown…</source>
        <translation>打印预览当前列表…</translation>
    </message>
    <message>
        <source>Import from a spreadsheet…</source>
        <translation>从表格导入…</translation>
    </message>
    <message>
        <source>Save the import template…</source>
        <translation>保存导入模板…</translation>
    </message>
    <message>
        <source>Reading all rooms…</source>
        <translation>正在读取全部房屋…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Room {code}</source>
        <translation>房屋 {code}</translation>
    </message>
    <message>
        <source>Room {code} is archived: its records are kept, but it is left out of the list and cannot be changed. Restore it to the list?</source>
        <translation>房屋 {code} 已归档：记录仍保留，但不在列表中显示，也不能修改。要恢复到列表吗？</translation>
    </message>
    <message>
        <source>This look at the full number is recorded in the room&apos;s history.</source>
        <translation>本次查看完整号码已记入该房屋的变更记录。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Room {code} has a change history, so it will be archived, not deleted: it leaves the list but its records are kept. Archive it?</source>
        <translation>房屋 {code} 已有变更记录，因此只能归档、不能删除：它将不再显示在列表中，但所有记录都会保留。确定归档吗？</translation>
    </message>
    <message>
        <source>Delete room {code}? It has no history yet.</source>
        <translation>删除房屋 {code}？该房屋尚无任何变更记录。</translation>
    </message>
    <message>
        <source>Import households</source>
        <translation>导入房屋与住户</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>表格文件 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Save the import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <source>households_template.xlsx</source>
        <translation>房屋与住户导入模板.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Saving the template…</source>
        <translation>正在保存模板…</translation>
    </message>
    <message>
        <source>The template was saved as
{path}
Fill in one room per row, then import it.</source>
        <translation>模板已保存为
{path}
请每行填写一户，然后导入。</translation>
    </message>
    <message>
        <source>Print the list shown</source>
        <translation>打印当前列表</translation>
    </message>
    <message>
        <source>households_roster.pdf</source>
        <translation>房屋与住户名册.pdf</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>The roster ({pages} pages) was written to
{path}</source>
        <translation>名册（共 {pages} 页）已保存到
{path}</translation>
    </message>
    <message>
        <source>Writing the roster…</source>
        <translation>正在生成名册…</translation>
    </message>
    <message>
        <source>Add a building…</source>
        <translation>批量新建楼栋…</translation>
    </message>
    <message>
        <source>Create a building&apos;s rooms in one go: units, floors, rooms per floor</source>
        <translation>一次建好整栋楼的房屋：单元数、楼层数、每层户数</translation>
    </message>
    <message>
        <source>{imported} new rooms imported, {updated} existing rooms updated, {unchanged} unchanged.</source>
        <translation>新增 {imported} 户，更新 {updated} 户，{unchanged} 户无变化。</translation>
    </message>
    <message>
        <source>Laying out the roster…</source>
        <translation>正在排版花名册…</translation>
    </message>
    <message>
        <source>Export households</source>
        <translation>导出房屋与住户</translation>
    </message>
    <message>
        <source>households.xlsx</source>
        <translation>房屋与住户.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>{count} rooms were written to
{path}</source>
        <translation>已导出 {count} 户到
{path}</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Search room, name, phone or pinyin (e.g. zs)</source>
        <translation>搜索房号、姓名、电话或拼音（如 zs）</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>显示已归档</translation>
    </message>
    <message>
        <source>Add room…</source>
        <translation>新增房屋…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>History</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更内容</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>File: {path}</source>
        <translation>文件：{path}</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>{total} rows in the file: {new} new, {updated} to update, {unchanged} unchanged, {bad} with problems (rows are numbered as in the spreadsheet).</source>
        <translation>文件共 {total} 行：新增 {new} 行，更新 {updated} 行，无变化 {unchanged} 行，有问题 {bad} 行（行号与表格中一致）。</translation>
    </message>
    <message>
        <source>Problems ({count})</source>
        <translation>问题（{count}）</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>Changes ({count})</source>
        <translation>变更（{count}）</translation>
    </message>
    <message>
        <source>{column}: {before} → {after}</source>
        <translation>{column}：{before} → {after}</translation>
    </message>
    <message>
        <source>Row {row} ({name}): {what}</source>
        <translation>第 {row} 行（{name}）：{what}</translation>
    </message>
    <message>
        <source>This file removes {removals} things and has {warnings} warnings. Nothing is imported until you confirm them:</source>
        <translation>此文件将删除 {removals} 项内容，并有 {warnings} 条提醒。确认之前不会导入任何内容：</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>column {number}</source>
        <translation>第 {number} 列</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Nothing was imported: fix the rows listed, or import only the good rows.</source>
        <translation>未导入任何数据：请先改正所列各行，或选择只导入无误的行。</translation>
    </message>
    <message>
        <source>Import from a spreadsheet</source>
        <translation>从表格导入</translation>
    </message>
    <message>
        <source>Columns: which column of the file holds what</source>
        <translation>列对应：文件中的哪一列是什么内容</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>What changes (before → after)</source>
        <translation>变更内容（原值 → 新值）</translation>
    </message>
    <message>
        <source>Show the rows that change nothing too</source>
        <translation>同时显示无变化的行</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>To confirm before importing</source>
        <translation>导入前需确认</translation>
    </message>
    <message>
        <source>Remove what is listed and accept the warnings</source>
        <translation>删除上列内容并接受提醒</translation>
    </message>
    <message>
        <source>Import only the good rows and leave the bad ones out</source>
        <translation>只导入无误的行，跳过有问题的行</translation>
    </message>
</context>
<context>
    <name>InspectionDialog</name>
    <message>
        <source>Fault</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Points off</source>
        <translation>扣分</translation>
    </message>
    <message>
        <source>Times found</source>
        <translation>发现次数</translation>
    </message>
    <message>
        <source>No area to inspect yet</source>
        <translation>还没有可检查的区域</translation>
    </message>
    <message>
        <source>The score counts for {name}, responsible for the area</source>
        <translation>得分计入该区域责任人{name}</translation>
    </message>
    <message>
        <source>No cleaner is responsible for the area: the score counts for the area only</source>
        <translation>该区域没有责任人：得分只计入区域</translation>
    </message>
    <message>
        <source>{area} was inspected on {day} already (score {score}): saving replaces it</source>
        <translation>{area}在{day}已有检查（{score}分）：保存将替换它</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>{name} is on the list already</source>
        <translation>{name}已在列表中</translation>
    </message>
    <message>
        <source>{name} is not a picture the program can read</source>
        <translation>{name}不是本程序能读取的图片</translation>
    </message>
    <message>
        <source>{name} could not be read: {reason}</source>
        <translation>无法读取{name}：{reason}</translation>
    </message>
    <message>
        <source>Record an inspection</source>
        <translation>录入检查</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Area</source>
        <translation>区域(&amp;A)</translation>
    </message>
    <message>
        <source>The area inspected; the score counts for the cleaner responsible for it</source>
        <translation>所检查的区域；得分计入其责任保洁员</translation>
    </message>
    <message>
        <source>&amp;Found</source>
        <translation>扣分项(&amp;F)</translation>
    </message>
    <message>
        <source>How many times each fault of the checklist was found: each costs its points</source>
        <translation>检查表中每项问题发现的次数：每次扣相应分数</translation>
    </message>
    <message>
        <source>&amp;Score</source>
        <translation>得分(&amp;S)</translation>
    </message>
    <message>
        <source>or type one</source>
        <translation>或直接输入</translation>
    </message>
    <message>
        <source>A score typed here (0–100) is kept instead of the checklist&apos;s</source>
        <translation>在此输入的得分（0–100）将代替按检查表计算的得分</translation>
    </message>
    <message>
        <source>The score typed counts, not the checklist&apos;s</source>
        <translation>以手工填写的得分为准，不按检查表计分</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Photos</source>
        <translation>照片(&amp;P)</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>InspectionSettingsDialog</name>
    <message>
        <source>Fault</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Points off</source>
        <translation>扣分</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Inspection settings</source>
        <translation>检查设置</translation>
    </message>
    <message>
        <source>Inspection &amp;day</source>
        <translation>检查日(&amp;D)</translation>
    </message>
    <message>
        <source>The day of the week every area is inspected</source>
        <translation>每周检查各区域的日子</translation>
    </message>
    <message>
        <source>&amp;Checklist</source>
        <translation>扣分检查表(&amp;C)</translation>
    </message>
    <message>
        <source>What an inspector looks for, and the points each fault found takes off the 100</source>
        <translation>检查时查看的问题，以及每发现一次从100分中扣除的分数</translation>
    </message>
    <message>
        <source>A&amp;dd an item</source>
        <translation>添加一项(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Remove the item</source>
        <translation>删除该项(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Commended</source>
        <translation>奖励(&amp;C)</translation>
    </message>
    <message>
        <source>The best of the month&apos;s ranking, commended (奖励)</source>
        <translation>月度评比中排名靠前者，予以奖励</translation>
    </message>
    <message>
        <source>&amp;Followed up</source>
        <translation>末位跟进(&amp;F)</translation>
    </message>
    <message>
        <source>The worst of the month&apos;s ranking, followed up (末位跟进)</source>
        <translation>月度评比中排名末位者，予以跟进</translation>
    </message>
    <message>
        <source>The rest of the ranking is encouraged. Equal averages share a rank and the better band.</source>
        <translation>其余为鼓励。平均分相同者名次相同，并归入较好的档次。</translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <source>&amp;Month</source>
        <translation>月份(&amp;M)</translation>
    </message>
    <message>
        <source>The month whose inspections and ranking are shown</source>
        <translation>显示该月的检查和评比</translation>
    </message>
    <message>
        <source>&amp;Record an inspection…</source>
        <translation>录入检查(&amp;R)…</translation>
    </message>
    <message>
        <source>An area&apos;s score from the checklist (or typed), with notes and photos</source>
        <translation>按检查表扣分（或直接输入）为区域评分，可附备注和照片</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>删除(&amp;M)</translation>
    </message>
    <message>
        <source>Take back the inspection chosen in the month&apos;s list, entered by mistake</source>
        <translation>删除本月列表中选中的误录检查</translation>
    </message>
    <message>
        <source>&amp;Print the ranking…</source>
        <translation>打印评比(&amp;P)…</translation>
    </message>
    <message>
        <source>The month&apos;s ranking of cleaners and areas, with the bands, as a PDF to print</source>
        <translation>本月保洁员和区域的评比及档次，生成PDF打印</translation>
    </message>
    <message>
        <source>Inspection &amp;settings…</source>
        <translation>检查设置(&amp;S)…</translation>
    </message>
    <message>
        <source>The day of the week areas are inspected, the checklist of deductions, and the ranking&apos;s bands</source>
        <translation>每周检查日、扣分检查表和评比档次</translation>
    </message>
    <message>
        <source>Double-click an area to record its inspection</source>
        <translation>双击区域录入其检查</translation>
    </message>
    <message>
        <source>Cleaners</source>
        <translation>保洁员</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>区域</translation>
    </message>
</context>
<context>
    <name>ItemsPage</name>
    <message>
        <source>Order</source>
        <translation>顺序</translation>
    </message>
    <message>
        <source>Fee item</source>
        <translation>收费项目</translation>
    </message>
    <message>
        <source>Charged</source>
        <translation>计费方式</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>适用房屋</translation>
    </message>
    <message>
        <source>Price now</source>
        <translation>现行单价</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>计收</translation>
    </message>
    <message>
        <source>Stopped: billing runs leave this item out</source>
        <translation>已停收：开账时不再包括此项目</translation>
    </message>
    <message>
        <source>From</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>No fee items yet. Add the estate&apos;s fees with “Add item…”: the property management fee by area, garbage removal per room, parking per space…</source>
        <translation>还没有收费项目。请用“新增项目…”添加小区的各项收费：按面积收的物业管理费、每户固定的垃圾清运费、按车位收的停车费……</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复收取</translation>
    </message>
    <message>
        <source>Stop…</source>
        <translation>停收…</translation>
    </message>
    <message>
        <source>Bill the selected item again from the next billing run on</source>
        <translation>从下次开账起重新收取所选项目</translation>
    </message>
    <message>
        <source>Stop billing the selected item from a month on</source>
        <translation>从某月起停收所选项目</translation>
    </message>
    <message>
        <source>Select an item to see its prices over time.</source>
        <translation>选择一个项目，查看它的历次单价。</translation>
    </message>
    <message>
        <source>Prices of {item}, newest first</source>
        <translation>{item}的历次单价（最新的在前）</translation>
    </message>
    <message>
        <source>Resume {item}</source>
        <translation>恢复收取{item}</translation>
    </message>
    <message>
        <source>Bill {item} again? It was stopped from {month}; the next billing run charges it for the months it covers, those from {month} on included.</source>
        <translation>恢复收取{item}吗？该项目自 {month} 起停收；下次开账时会按所开的月份收取，包括 {month} 及以后的月份。</translation>
    </message>
    <message>
        <source>Move {item}</source>
        <translation>调整{item}的顺序</translation>
    </message>
    <message>
        <source>Add item…</source>
        <translation>新增项目…</translation>
    </message>
    <message>
        <source>A new fee item with its first price</source>
        <translation>新增收费项目，并设定首个单价</translation>
    </message>
    <message>
        <source>New price…</source>
        <translation>调整单价…</translation>
    </message>
    <message>
        <source>A new price of the selected item from a date on; months already billed keep their price</source>
        <translation>为所选项目设定从某日起的新单价；已开账的月份保持原单价</translation>
    </message>
    <message>
        <source>Move up: within a month, payments go to the items higher in the list first</source>
        <translation>上移：同一月份内，缴款先冲抵列表中靠前的项目</translation>
    </message>
    <message>
        <source>Move down: within a month, payments go to the items higher in the list first</source>
        <translation>下移：同一月份内，缴款先冲抵列表中靠前的项目</translation>
    </message>
    <message>
        <source>Fee settings…</source>
        <translation>收费设置…</translation>
    </message>
    <message>
        <source>Vacant-room discount, hardship reduction, and what reminders say about paying</source>
        <translation>空置房优惠、低保/特困减免，以及催缴通知单上的缴费说明</translation>
    </message>
    <message>
        <source>The list&apos;s order is the order in which a payment pays one month&apos;s items.</source>
        <translation>列表的顺序就是同一月份内各项目冲抵缴款的先后顺序。</translation>
    </message>
</context>
<context>
    <name>LayoutDialog</name>
    <message>
        <source>Type the building&apos;s name to see its rooms.</source>
        <translation>填写楼栋名称后即可预览房屋。</translation>
    </message>
    <message>
        <source>Correct the building&apos;s name to see its rooms.</source>
        <translation>请改正楼栋名称后再预览房屋。</translation>
    </message>
    <message>
        <source>Unit {unit}, room {n}</source>
        <translation>{unit} 单元第 {n} 户</translation>
    </message>
    <message>
        <source>Room {n}</source>
        <translation>第 {n} 户</translation>
    </message>
    <message>
        <source>Floor {n}</source>
        <translation>{n} 层</translation>
    </message>
    <message>
        <source>In the archive: kept as it is</source>
        <translation>已归档：保持不变</translation>
    </message>
    <message>
        <source>Already in the estate: kept as it is</source>
        <translation>已存在：保持不变</translation>
    </message>
    <message>
        <source>{new} rooms will be created.</source>
        <translation>将新建 {new} 户。</translation>
    </message>
    <message>
        <source>{existing} already exist and are kept as they are.</source>
        <translation>{existing} 户已存在，保持不变。</translation>
    </message>
    <message>
        <source>Create {new} rooms</source>
        <translation>新建 {new} 户</translation>
    </message>
    <message>
        <source>Add a building</source>
        <translation>批量新建楼栋</translation>
    </message>
    <message>
        <source>Create every room of a building at once. Rooms are numbered floor × 100 + n: 101, 102, … 601 (1001 on the tenth floor). Owners and residents can be added later, one by one or by importing a spreadsheet.</source>
        <translation>一次建好一栋楼的全部房屋。房号按“楼层 × 100 + 序号”编排：101、102……601（十层为 1001）。业主和住户可以之后逐户录入，或从表格导入。</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>e.g. 3</source>
        <translation>例如 3</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单元数</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Floors</source>
        <translation>楼层数</translation>
    </message>
    <message>
        <source>Rooms per floor (in each unit)</source>
        <translation>每层户数（每单元）</translation>
    </message>
    <message>
        <source>Area of each room (m²)</source>
        <translation>每户面积（m²）</translation>
    </message>
    <message>
        <source>e.g. 89.50; correct rooms that differ afterwards</source>
        <translation>例如 89.50；面积不同的房屋可之后逐户修改</translation>
    </message>
    <message>
        <source>Preview: the rooms to be created (rooms already in the estate are greyed and kept as they are)</source>
        <translation>预览：将要新建的房屋（灰色为已有房屋，保持不变）</translation>
    </message>
</context>
<context>
    <name>LeaveDialog</name>
    <message>
        <source>Leave of {name}</source>
        <translation>{name}请假</translation>
    </message>
    <message>
        <source>{days} days in all</source>
        <translation>共 {days} 天</translation>
    </message>
    <message>
        <source>Enter leave</source>
        <translation>登记请假</translation>
    </message>
    <message>
        <source>Cleaner</source>
        <translation>保洁员</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>its first day, e.g. 2026-12-01</source>
        <translation>第一天，如 2026-12-01</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>its last day, included</source>
        <translation>最后一天（含）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>e.g. annual leave, sick leave; optional</source>
        <translation>如年假、病假，可不填</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Open estate</source>
        <translation>打开小区</translation>
    </message>
    <message>
        <source>The file was upgraded to this version of EstateDesk. A copy of it as it was is kept at:
{path}</source>
        <translation>数据文件已升级到当前版本。升级前的副本保存在：
{path}</translation>
    </message>
    <message>
        <source>&lt;b&gt;The data file is damaged&lt;/b&gt; and is open read-only: you can look, print and export, but not change anything. Restore the latest backup to go on working.</source>
        <translation>&lt;b&gt;数据文件已损坏&lt;/b&gt;，现以只读方式打开：可以查看、打印和导出，但不能修改。请恢复最近的备份后再继续工作。</translation>
    </message>
    <message>
        <source>&lt;b&gt;The data file cannot be written&lt;/b&gt; (a write-protected USB stick or a read-only file) and is open read-only: you can look, print and export. To change anything, copy it to a folder on this PC and open the copy.</source>
        <translation>&lt;b&gt;数据文件无法写入&lt;/b&gt;（U 盘写保护或文件只读），现以只读方式打开：可以查看、打印和导出。如需修改，请把它复制到本机的文件夹中，再打开副本。</translation>
    </message>
    <message>
        <source>{path} is not there: is the USB stick plugged in?</source>
        <translation>找不到 {path}：U 盘插好了吗？</translation>
    </message>
    <message>
        <source>Welcome to EstateDesk</source>
        <translation>欢迎使用小区物业台账</translation>
    </message>
    <message>
        <source>{path} could not be opened. What would you like to do?</source>
        <translation>无法打开 {path}。您想做什么？</translation>
    </message>
    <message>
        <source>What would you like to do?</source>
        <translation>您想做什么？</translation>
    </message>
    <message>
        <source>There is no estate data file yet. What would you like to do?</source>
        <translation>还没有小区数据文件。您想要：</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Create a new estate…</source>
        <translation>新建小区…</translation>
    </message>
    <message>
        <source>Open an existing file…</source>
        <translation>打开已有文件…</translation>
    </message>
    <message>
        <source>Try a demo estate</source>
        <translation>试用演示小区</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>New estate</source>
        <translation>新建小区</translation>
    </message>
    <message>
        <source>Name of the estate:</source>
        <translation>小区名称：</translation>
    </message>
    <message>
        <source>{path} already exists; choose another file name</source>
        <translation>{path} 已存在，请换一个文件名</translation>
    </message>
    <message>
        <source>Happiness Gardens (demo)</source>
        <translation>幸福里小区（演示）</translation>
    </message>
    <message>
        <source>Demo estate</source>
        <translation>演示小区</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <source>Back up to folder</source>
        <translation>备份到文件夹</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>The backup was written and checked:
{path}</source>
        <translation>备份已完成并通过检查：
{path}</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Add a &amp;building…</source>
        <translation>批量新建楼栋(&amp;B)…</translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Put this backup in place of the damaged {path}?</source>
        <translation>用这份备份替换已损坏的 {path} 吗？</translation>
    </message>
    <message>
        <source>The damaged file is kept aside under a new name, so nothing is lost.</source>
        <translation>损坏的文件会改名另存，不会丢失任何数据。</translation>
    </message>
    <message>
        <source>The backup was restored. The file it replaced is kept at:
{path}</source>
        <translation>已从备份恢复。被替换的文件保存在：
{path}</translation>
    </message>
    <message>
        <source>Backup of: {estate}
Taken: {taken}
Rooms: {rooms}
File: {path}</source>
        <translation>备份所属小区：{estate}
备份时间：{taken}
房屋数：{rooms}
文件：{path}</translation>
    </message>
    <message>
        <source>Replace the data of {estate} by this backup?</source>
        <translation>用这份备份替换“{estate}”的数据吗？</translation>
    </message>
    <message>
        <source>The current file is kept aside under a new name, so nothing is lost.</source>
        <translation>当前文件会改名另存，不会丢失任何数据。</translation>
    </message>
    <message>
        <source>Check data file</source>
        <translation>检查数据文件</translation>
    </message>
    <message>
        <source>About EstateDesk</source>
        <translation>关于小区物业台账</translation>
    </message>
    <message>
        <source>&lt;h3&gt;EstateDesk {version}&lt;/h3&gt;&lt;p&gt;The office program of a self-managed residential estate: households, fees, repairs, cleaning and owners&apos; votes, in one file.&lt;/p&gt;&lt;p&gt;MIT licence. Font: EstateDesk Sans SC (from Noto Sans CJK SC), SIL Open Font License.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;小区物业台账 EstateDesk {version}&lt;/h3&gt;&lt;p&gt;自管小区办公室的台账程序：房屋与住户、收费、报修、保洁和业主表决，全部保存在一个文件里。&lt;/p&gt;&lt;p&gt;MIT 许可证。字体：EstateDesk Sans SC（取自 Noto Sans CJK SC），SIL 开放字体许可证。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>{estate} — EstateDesk</source>
        <translation>{estate} — 小区物业台账</translation>
    </message>
    <message>
        <source>EstateDesk</source>
        <translation>小区物业台账</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation>最近打开</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;New estate…</source>
        <translation>新建小区(&amp;N)…</translation>
    </message>
    <message>
        <source>Create a new, empty estate data file</source>
        <translation>新建一个空的小区数据文件</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open another estate data file</source>
        <translation>打开另一个小区数据文件</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>立即备份(&amp;B)…</translation>
    </message>
    <message>
        <source>Copy the data file to a folder, for example a USB stick</source>
        <translation>把数据文件复制到一个文件夹，例如U盘</translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Replace the data file by a backup; the current file is kept aside</source>
        <translation>用备份替换数据文件；当前文件会另存保留</translation>
    </message>
    <message>
        <source>&amp;Check data file</source>
        <translation>检查数据文件(&amp;C)</translation>
    </message>
    <message>
        <source>Check the data file&apos;s integrity and count its records</source>
        <translation>检查数据文件的完整性并统计记录数</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Open &amp;data folder</source>
        <translation>打开数据文件夹(&amp;D)</translation>
    </message>
    <message>
        <source>Show the folder with the data file and the error log</source>
        <translation>打开存放数据文件和错误日志的文件夹</translation>
    </message>
    <message>
        <source>&amp;About EstateDesk</source>
        <translation>关于小区物业台账(&amp;A)</translation>
    </message>
</context>
<context>
    <name>NewVoteDialog</name>
    <message>
        <source>New vote</source>
        <translation>新建表决</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>e.g. Election of the owners&apos; committee 2027</source>
        <translation>如 2027年业主委员会选举</translation>
    </message>
    <message>
        <source>Decides</source>
        <translation>表决类型</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>应选名额</translation>
    </message>
    <message>
        <source>5 to 11 members, an odd number</source>
        <translation>5 至 11 名，须为单数</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>候选人</translation>
    </message>
    <message>
        <source>One owner&apos;s name a line, in the order of the ballot. When two owners share a name, add a room: 王玥@3-2-501</source>
        <translation>每行填写一位业主的姓名，按选票上的顺序排列。两位业主同名时，请加上房号：王玥@3-2-501</translation>
    </message>
    <message>
        <source>Participation</source>
        <translation>参与表决要求</translation>
    </message>
    <message>
        <source>Owners who do not vote are counted with the majority (从众条款, only where the estate&apos;s rules say so)</source>
        <translation>未投票的业主计入多数意见（从众条款，仅限本小区管理规约或议事规则有此约定时使用）</translation>
    </message>
    <message>
        <source>Fails when objections reach</source>
        <translation>反对达到此比例即不通过</translation>
    </message>
    <message>
        <source>Double entry: each ballot is entered twice, by two clerks</source>
        <translation>双人录入：每张选票由两名工作人员各录入一次</translation>
    </message>
    <message>
        <source>Ballots a proxy may carry</source>
        <translation>每位代理人可代投票数</translation>
    </message>
    <message>
        <source>more are listed for the scrutineers</source>
        <translation>超出的会列出，供监票人核查</translation>
    </message>
    <message>
        <source>Opening the vote freezes its roll: every owner (co-owners as one, the developer as one) with their rooms and area as the households file holds them now.</source>
        <translation>新建表决即冻结表决权人名册：按房屋与住户档案当前的记录，列出每位业主（共有人合计为一人，建设单位合计为一人）及其房屋和面积。</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>Number, room, name, text</source>
        <translation>单号、房号、姓名、内容</translation>
    </message>
    <message>
        <source>&amp;State</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>类别(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Building</source>
        <translation>楼栋(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Worker</source>
        <translation>维修人员(&amp;W)</translation>
    </message>
    <message>
        <source>Received fro&amp;m</source>
        <translation>受理日期从(&amp;M)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>Clear every filter</source>
        <translation>清除全部筛选条件</translation>
    </message>
    <message>
        <source>New order… (F2)</source>
        <translation>新建工单… (F2)</translation>
    </message>
    <message>
        <source>Take a call: the room, the category, what is wrong</source>
        <translation>受理来电：房号、类别、报修内容</translation>
    </message>
    <message>
        <source>&amp;Dispatch…</source>
        <translation>派工(&amp;D)…</translation>
    </message>
    <message>
        <source>Send the order to a worker of the office or an outside contractor</source>
        <translation>把工单派给本处维修人员或外包单位</translation>
    </message>
    <message>
        <source>On s&amp;ite…</source>
        <translation>到场(&amp;I)…</translation>
    </message>
    <message>
        <source>Someone is on site and the work begins (or resumes)</source>
        <translation>维修人员已到场，开始（或继续）维修</translation>
    </message>
    <message>
        <source>Work d&amp;one…</source>
        <translation>完工(&amp;O)…</translation>
    </message>
    <message>
        <source>What was done, materials, costs and who pays</source>
        <translation>处理情况、所用材料、费用及由谁承担</translation>
    </message>
    <message>
        <source>Return &amp;visit…</source>
        <translation>回访(&amp;V)…</translation>
    </message>
    <message>
        <source>Call the owner back: satisfied closes the loop, not satisfied reopens the order</source>
        <translation>回访业主：满意即可关闭工单，不满意则工单返修</translation>
    </message>
    <message>
        <source>Clos&amp;e…</source>
        <translation>关闭(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Pause…</source>
        <translation>暂停(&amp;P)…</translation>
    </message>
    <message>
        <source>Waiting for parts, no access…: with the reason</source>
        <translation>等配件、无法入户等：须注明原因</translation>
    </message>
    <message>
        <source>Cance&amp;l order…</source>
        <translation>取消工单(&amp;L)…</translation>
    </message>
    <message>
        <source>A duplicate call, the owner fixed it…: with the reason</source>
        <translation>重复报修、业主已自行修好等：须注明原因</translation>
    </message>
    <message>
        <source>Follow-up &amp;note…</source>
        <translation>跟进备注(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Add photo…</source>
        <translation>添加照片(&amp;A)…</translation>
    </message>
    <message>
        <source>P&amp;rint work order</source>
        <translation>打印派工单(&amp;R)</translation>
    </message>
    <message>
        <source>The work order sheet (派工单) for the worker, with boxes for the work done and signatures</source>
        <translation>交给维修人员的派工单，留有填写处理情况和签字的栏目</translation>
    </message>
    <message>
        <source>Photos (double-click to enlarge)</source>
        <translation>照片（双击放大）</translation>
    </message>
</context>
<context>
    <name>PriceDialog</name>
    <message>
        <source>{item} ({kind}), price now: {price}</source>
        <translation>{item}（{kind}），现行单价：{price}</translation>
    </message>
    <message>
        <source>New price of {item}</source>
        <translation>调整{item}的单价</translation>
    </message>
    <message>
        <source>New price</source>
        <translation>调整单价</translation>
    </message>
    <message>
        <source>New price (yuan)</source>
        <translation>新单价（元）</translation>
    </message>
    <message>
        <source>up to 4 decimals, e.g. 0.85</source>
        <translation>最多 4 位小数，如 0.85</translation>
    </message>
    <message>
        <source>From</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>a date, e.g. 2027-01-01</source>
        <translation>日期，如 2027-01-01</translation>
    </message>
    <message>
        <source>Months already billed keep the price they were billed at: a new price starts after the last month billed.</source>
        <translation>已开账的月份保持开账时的单价：新单价从最后一个已开账月份之后开始生效。</translation>
    </message>
</context>
<context>
    <name>RankingChart</name>
    <message>
        <source>No inspections to chart yet</source>
        <translation>还没有可绘图的检查</translation>
    </message>
</context>
<context>
    <name>RateChart</name>
    <message>
        <source>Collected (money)</source>
        <translation>金额收缴率</translation>
    </message>
    <message>
        <source>Households fully paid</source>
        <translation>户收费率</translation>
    </message>
    <message>
        <source>Target 98%</source>
        <translation>目标 98%</translation>
    </message>
    <message>
        <source>No collection figures to show</source>
        <translation>暂无收缴数据</translation>
    </message>
    <message>
        <source>nothing due</source>
        <translation>无应收</translation>
    </message>
</context>
<context>
    <name>RatePage</name>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Due (yuan)</source>
        <translation>应收（元）</translation>
    </message>
    <message>
        <source>Collected (yuan)</source>
        <translation>实收（元）</translation>
    </message>
    <message>
        <source>Collection rate</source>
        <translation>收缴率</translation>
    </message>
    <message>
        <source>Households billed</source>
        <translation>应缴户数</translation>
    </message>
    <message>
        <source>Fully paid</source>
        <translation>已缴清户数</translation>
    </message>
    <message>
        <source>Household rate</source>
        <translation>户收费率</translation>
    </message>
    <message>
        <source>Working out the collection rate…</source>
        <translation>正在计算收缴率…</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Nothing was billed for these months: bill them on the Billing run page first.</source>
        <translation>这些月份还没有开账：请先在“开账”页开账。</translation>
    </message>
    <message>
        <source>Charges of the months from</source>
        <translation>费用所属月份：从</translation>
    </message>
    <message>
        <source>e.g. 2027-01</source>
        <translation>如 2027-01</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>e.g. 2027-12</source>
        <translation>如 2027-12</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>按月份</translation>
    </message>
    <message>
        <source>By building</source>
        <translation>按楼栋</translation>
    </message>
    <message>
        <source>Collected ÷ due (net of reductions) for the charges of these months, whenever they were paid. A household counts as fully paid when it owes nothing for these months now.</source>
        <translation>收缴率 = 实收 ÷ 应收（扣除减免），统计所属这些月份的费用，不论何时缴纳。某户在这些月份目前已无欠费，即计为已缴清。</translation>
    </message>
</context>
<context>
    <name>ReceiptsPage</name>
    <message>
        <source>Reprint on A5 sheets…</source>
        <translation>补打到 A5 纸…</translation>
    </message>
    <message>
        <source>Reprint two to an A4 sheet…</source>
        <translation>补打到 A4 纸（每张两份）…</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>收据号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>交款人</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>交易单号</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>收款人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Void: not counted in any total</source>
        <translation>已作废：不计入任何合计</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年份</translation>
    </message>
    <message>
        <source>No receipt matches “{text}”.</source>
        <translation>没有与“{text}”相符的收据。</translation>
    </message>
    <message>
        <source>No receipts in {year} yet: a receipt is made with each payment taken on the Collect page.</source>
        <translation>{year} 年还没有收据：在“收款”页每收一笔款，就会开出一张收据。</translation>
    </message>
    <message>
        <source>No receipts yet: a receipt is made with each payment taken on the Collect page.</source>
        <translation>还没有收据：在“收款”页每收一笔款，就会开出一张收据。</translation>
    </message>
    <message>
        <source>Reprint receipts</source>
        <translation>补打收据</translation>
    </message>
    <message>
        <source>Writing {count} receipts…</source>
        <translation>正在生成 {count} 张收据…</translation>
    </message>
    <message>
        <source>{count} receipts were written, marked as copies, to
{path}</source>
        <translation>{count} 张收据已按副本（补打）保存到
{path}</translation>
    </message>
    <message>
        <source>Void receipt {number}</source>
        <translation>作废收据 {number}</translation>
    </message>
    <message>
        <source>Receipt {number} is void. {amount} of charges it paid are unpaid again.</source>
        <translation>收据 {number} 已作废。它所缴的 {amount} 费用已恢复为未缴。</translation>
    </message>
    <message>
        <source>Search receipt number, room or payer</source>
        <translation>搜索收据号、房号或交款人</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>补打</translation>
    </message>
    <message>
        <source>The selected receipts as marked copies, in one PDF to print</source>
        <translation>把选中的收据补打为副本，合成一个 PDF 供打印</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>Void the selected receipt, with a reason: its charges become unpaid again</source>
        <translation>作废所选收据（须填写原因）：它所缴的费用恢复为未缴</translation>
    </message>
</context>
<context>
    <name>ReduceDialog</name>
    <message>
        <source>Reduce a fee: room {code}</source>
        <translation>费用减免：房屋 {code}</translation>
    </message>
    <message>
        <source>A reduction is written as its own entry: the charges stay as they were billed. It takes off at most what each month still owes; months paid in full are left out.</source>
        <translation>减免单独记为一笔：原应收费用保持不变。每月最多减免该月尚欠的金额；已缴清的月份不予减免。</translation>
    </message>
    <message>
        <source>Reduce a fee</source>
        <translation>费用减免</translation>
    </message>
    <message>
        <source>Fee &amp;item</source>
        <translation>收费项目(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;From month</source>
        <translation>起始月份(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To month</source>
        <translation>结束月份(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Percent of each month</source>
        <translation>每月减免比例（%）(&amp;P)</translation>
    </message>
    <message>
        <source>50 takes half off</source>
        <translation>填 50 即减免一半</translation>
    </message>
    <message>
        <source>or &amp;amount per month (¥)</source>
        <translation>或每月减免金额（¥）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>减免原因(&amp;R)</translation>
    </message>
    <message>
        <source>e.g. 低保户 (minimum-income household)</source>
        <translation>如 低保户</translation>
    </message>
    <message>
        <source>Approved &amp;by</source>
        <translation>批准人(&amp;B)</translation>
    </message>
</context>
<context>
    <name>RepairChart</name>
    <message>
        <source>On-time rate</source>
        <translation>及时率</translation>
    </message>
    <message>
        <source>Target 99%</source>
        <translation>目标 99%</translation>
    </message>
    <message>
        <source>No orders to chart yet</source>
        <translation>还没有可绘制的工单</translation>
    </message>
    <message>
        <source>nothing judged</source>
        <translation>无可评判</translation>
    </message>
    <message>
        <source>{month}
{category}: {count}
All orders: {total}</source>
        <translation>{month}
{category}：{count}
全部工单：{total}</translation>
    </message>
</context>
<context>
    <name>RepairOrderDialog</name>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png *.bmp *.webp);;All files (*)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.bmp *.webp);;所有文件 (*)</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>（不指定）</translation>
    </message>
    <message>
        <source>Choose the category</source>
        <translation>请选择类别</translation>
    </message>
    <message>
        <source>The room&apos;s household</source>
        <translation>该房屋住户</translation>
    </message>
    <message>
        <source>Someone named (not of the room)</source>
        <translation>其他人（非该房屋住户）</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>(whole building)</source>
        <translation>（整栋楼）</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>{name} is on the list already</source>
        <translation>{name} 已在列表中</translation>
    </message>
    <message>
        <source>{name} is not a picture the program can read</source>
        <translation>{name} 不是本程序能读取的图片</translation>
    </message>
    <message>
        <source>{name} could not be read: {reason}</source>
        <translation>无法读取 {name}：{reason}</translation>
    </message>
    <message>
        <source>New repair order</source>
        <translation>新建报修工单</translation>
    </message>
    <message>
        <source>&amp;Room (where the work is, or the caller&apos;s)</source>
        <translation>房号（报修房屋或报修人所在房屋）(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>位置(&amp;P)</translation>
    </message>
    <message>
        <source>E&amp;xactly where</source>
        <translation>具体位置(&amp;X)</translation>
    </message>
    <message>
        <source>optional, e.g. east gate, 5th floor</source>
        <translation>选填，如：东门、5楼</translation>
    </message>
    <message>
        <source>&amp;Building</source>
        <translation>楼栋(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>单元(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Facility</source>
        <translation>设备(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>类别(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Emergency (急修): someone on site at once</source>
        <translation>急修：须立即到场(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;What is wrong</source>
        <translation>报修内容(&amp;W)</translation>
    </message>
    <message>
        <source>What the caller says, e.g. water leaking from the bathroom ceiling</source>
        <translation>照报修人所述填写，如：卫生间天花板漏水</translation>
    </message>
    <message>
        <source>Reporte&amp;d by</source>
        <translation>报修人(&amp;D)</translation>
    </message>
    <message>
        <source>Add ph&amp;otos…</source>
        <translation>添加照片(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>e.g. Mr Wang</source>
        <translation>如：王先生</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>电话(&amp;H)</translation>
    </message>
    <message>
        <source>to call back; optional</source>
        <translation>用于回电，选填</translation>
    </message>
    <message>
        <source>Recei&amp;ved</source>
        <translation>受理时间(&amp;V)</translation>
    </message>
    <message>
        <source>Channe&amp;l</source>
        <translation>报修渠道(&amp;L)</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Kept in the data file with the order, shrunk to at most 1600 pixels a side</source>
        <translation>随工单保存在数据文件中，长边缩小到不超过 1600 像素</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Type the room and press Enter, choose the category, say what is wrong; Ctrl+Enter saves.</source>
        <translation>输入房号后按 Enter，选择类别，填写报修内容；Ctrl+Enter 保存。</translation>
    </message>
</context>
<context>
    <name>RepairSettingsDialog</name>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Done within</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>On site within</source>
        <translation>到场时限</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Key for the command line</source>
        <translation>命令行代码</translation>
    </message>
    <message>
        <source>How the command line (estatedesk repairs add --category …) names the office&apos;s own categories; the window shows their names</source>
        <translation>命令行（estatedesk repairs add --category …）用来指代本处自设类别的代码；窗口中显示类别名称</translation>
    </message>
    <message>
        <source>The office&apos;s own category: its name as lists and documents show it</source>
        <translation>本处自设的类别：列表和单据上显示的名称</translation>
    </message>
    <message>
        <source>The command line names this category {key}</source>
        <translation>命令行中此类别的代码为 {key}</translation>
    </message>
    <message>
        <source>How the command line names the category: lower-case letters, digits and hyphens</source>
        <translation>命令行使用的类别代码：小写字母、数字和连字符</translation>
    </message>
    <message>
        <source>the office&apos;s own</source>
        <translation>本处自设</translation>
    </message>
    <message>
        <source>{category}: {message}</source>
        <translation>{category}：{message}</translation>
    </message>
    <message>
        <source>new category</source>
        <translation>新类别</translation>
    </message>
    <message>
        <source>Orders have the category {name}: it cannot be removed.</source>
        <translation>已有工单属于“{name}”类别，不能删除。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Day off or worked</source>
        <translation>放假/上班</translation>
    </message>
    <message>
        <source>Remove the office&apos;s holiday table of {year}? Orders received in {year} from now on count weekends only, and say so; orders already received keep their deadlines.</source>
        <translation>删除本处录入的 {year} 年节假日安排？此后受理的 {year} 年工单只按周末推算（并注明）；已受理的工单时限不变。</translation>
    </message>
    <message>
        <source>Import holidays</source>
        <translation>导入节假日安排</translation>
    </message>
    <message>
        <source>Tables (*.xlsx *.csv);;Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>表格 (*.xlsx *.csv);;Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Nothing was imported from {name}:</source>
        <translation>{name} 未导入任何内容：</translation>
    </message>
    <message>
        <source>Time limits and holidays</source>
        <translation>时限与节假日</translation>
    </message>
    <message>
        <source>Time limits</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Each category&apos;s limit: by when the work must be done and, if it has one, by when someone must be on site. &quot;Working days&quot; end at 24:00 of the Nth working day after the day received. Orders already received keep the deadlines they were given.</source>
        <translation>各类别的时限：何时前必须完成；如有，何时前必须到场。“N个工作日”指受理次日起第N个工作日的24:00。已受理的工单保持原定时限。</translation>
    </message>
    <message>
        <source>Add a category…</source>
        <translation>新增类别…</translation>
    </message>
    <message>
        <source>A category of the office&apos;s own (lift, say), with its key for the command line, its name and its limit</source>
        <translation>本处自设的类别（如电梯），含命令行代码、名称和时限</translation>
    </message>
    <message>
        <source>Remove the category</source>
        <translation>删除类别</translation>
    </message>
    <message>
        <source>Remove the selected category of the office&apos;s own; one that orders have cannot be removed</source>
        <translation>删除选中的自设类别；已有工单的类别不能删除</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <source>The usual limits (on site within 30 minutes for an emergency, water the same day, electricity before night…) for the built-in categories; the office&apos;s own categories stay as they are</source>
        <translation>内置类别恢复通行时限（急修30分钟到场、修水当天完成、修电不过夜…）；自设类别保持不变</translation>
    </message>
    <message>
        <source>Emergencies and &quot;before night&quot;</source>
        <translation>急修与“不过夜”</translation>
    </message>
    <message>
        <source>An emergency: someone on site within</source>
        <translation>急修：到场时限</translation>
    </message>
    <message>
        <source>minutes, any day, any hour</source>
        <translation>分钟（全天候，不分节假日）</translation>
    </message>
    <message>
        <source>&quot;Before night&quot; means by</source>
        <translation>“不过夜”指在</translation>
    </message>
    <message>
        <source>the night cut-off</source>
        <translation>之前（夜间截止时刻）</translation>
    </message>
    <message>
        <source>Received close to the cut-off: within</source>
        <translation>临近截止才受理的：</translation>
    </message>
    <message>
        <source>minutes of the call (when less than that is left before the cut-off)</source>
        <translation>分钟内完成（受理时距截止已不足该时长）</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>e.g. 2027-10-01</source>
        <translation>如 2027-10-01</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove the days selected</source>
        <translation>删除选中的日期</translation>
    </message>
    <message>
        <source>Import from a file…</source>
        <translation>从文件导入…</translation>
    </message>
    <message>
        <source>A CSV or Excel table: one day per row, the date and 休 (holiday) or 班 (working day)</source>
        <translation>CSV 或 Excel 表格：每行一天，日期和“休”或“班”</translation>
    </message>
    <message>
        <source>Remove this year&apos;s table…</source>
        <translation>删除该年安排…</translation>
    </message>
    <message>
        <source>Enter the State Council&apos;s arrangement once it is published: the holidays, and the weekend days worked in exchange (调休上班). Changes on this page are saved at once. A file to import has one day per row: the date, then 休 (holiday) or 班 (working day); CSV or Excel.</source>
        <translation>国务院公布安排后在此录入：放假日，以及调休上班的周末。本页的修改立即保存。导入文件每行一天：日期，然后“休”或“班”；CSV 或 Excel 均可。</translation>
    </message>
</context>
<context>
    <name>RepairStepDialog</name>
    <message>
        <source>Dispatch order {number}</source>
        <translation>派工：工单 {number}</translation>
    </message>
    <message>
        <source>On site: order {number}</source>
        <translation>到场：工单 {number}</translation>
    </message>
    <message>
        <source>Work done: order {number}</source>
        <translation>完工：工单 {number}</translation>
    </message>
    <message>
        <source>Return visit: order {number}</source>
        <translation>回访：工单 {number}</translation>
    </message>
    <message>
        <source>Close order {number}</source>
        <translation>关闭工单 {number}</translation>
    </message>
    <message>
        <source>Pause order {number}</source>
        <translation>暂停工单 {number}</translation>
    </message>
    <message>
        <source>Cancel order {number}</source>
        <translation>取消工单 {number}</translation>
    </message>
    <message>
        <source>Follow-up note: order {number}</source>
        <translation>跟进备注：工单 {number}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Not satisfied: reopen the order (rework)</source>
        <translation>不满意：工单返修</translation>
    </message>
    <message>
        <source>Charge {amount} to the fee account of {room}</source>
        <translation>将 {amount} 计入 {room} 的房屋账户</translation>
    </message>
    <message>
        <source>The owner pays, but the order names no room: nothing can be charged.</source>
        <translation>费用由业主承担，但工单没有关联房屋：无法计费。</translation>
    </message>
    <message>
        <source>The time {time} is later than now ({now}): every later step of the order would have to wait until then. Record the step at this time all the same?</source>
        <translation>时间 {time} 晚于现在（{now}）：此后该工单的每一步都要等到这个时间之后才能记录。确定要按这个时间记录吗？</translation>
    </message>
    <message>
        <source>Save all the same?</source>
        <translation>仍要保存吗？</translation>
    </message>
    <message>
        <source>Repair order</source>
        <translation>报修工单</translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation>时间(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Worker</source>
        <translation>维修人员(&amp;W)</translation>
    </message>
    <message>
        <source>A worker of the office or an outside contractor; those sent before are offered</source>
        <translation>本处维修人员或外包单位；可从以往派过工的人员中选择</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>An &amp;outside contractor</source>
        <translation>外包单位(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;What was done</source>
        <translation>处理情况(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Materials</source>
        <translation>材料(&amp;M)</translation>
    </message>
    <message>
        <source>optional, e.g. 2 m of 20 mm PPR pipe</source>
        <translation>选填，如：20 mm PPR 管 2 米</translation>
    </message>
    <message>
        <source>Materials &amp;cost (yuan)</source>
        <translation>材料费（元）(&amp;C)</translation>
    </message>
    <message>
        <source>e.g. 12.50; empty: none</source>
        <translation>如 12.50；不填：无</translation>
    </message>
    <message>
        <source>&amp;Labour cost (yuan)</source>
        <translation>人工费（元）(&amp;L)</translation>
    </message>
    <message>
        <source>e.g. 50; empty: none</source>
        <translation>如 50；不填：无</translation>
    </message>
    <message>
        <source>Paid &amp;by</source>
        <translation>费用承担(&amp;B)</translation>
    </message>
    <message>
        <source>Approving &amp;vote</source>
        <translation>批准的表决(&amp;V)</translation>
    </message>
    <message>
        <source>The owners&apos; vote (votes tab) that approved spending the maintenance fund</source>
        <translation>批准动用维修资金的业主表决（见“业主表决与选举”页）</translation>
    </message>
    <message>
        <source>&amp;Emergency use of the fund (应急使用), without a vote</source>
        <translation>维修资金应急使用，无需表决(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Result</source>
        <translation>回访结果(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Comment</source>
        <translation>业主意见(&amp;C)</translation>
    </message>
    <message>
        <source>what the owner said</source>
        <translation>业主的反馈</translation>
    </message>
    <message>
        <source>Called &amp;by</source>
        <translation>回访人(&amp;B)</translation>
    </message>
    <message>
        <source>empty: you</source>
        <translation>不填：本人</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>required, e.g. waiting for parts</source>
        <translation>必填，如：等配件</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>e.g. called the owner, the worker comes at 3 pm</source>
        <translation>如：已联系业主，师傅下午3点上门</translation>
    </message>
</context>
<context>
    <name>RepairsTab</name>
    <message>
        <source>Ctrl+1, Ctrl+2… switch between the repair log&apos;s pages; F2 takes a new call</source>
        <translation>Ctrl+1、Ctrl+2… 切换报修台账的各个页面；F2 受理新报修</translation>
    </message>
</context>
<context>
    <name>RollPage</name>
    <message>
        <source>Filter by name, room or serial</source>
        <translation>按姓名、房号或票号筛选</translation>
    </message>
    <message>
        <source>Print roll…</source>
        <translation>打印名册…</translation>
    </message>
    <message>
        <source>The frozen roll as a PDF to print and post: every voter, rooms, area and serial</source>
        <translation>将冻结的名册生成 PDF，供打印和张贴公示：每位表决权人的房号、面积和票号</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>The frozen roll as a spreadsheet</source>
        <translation>将冻结的名册导出为表格</translation>
    </message>
    <message>
        <source>Print ballots…</source>
        <translation>打印选票…</translation>
    </message>
    <message>
        <source>One paper ballot for each voter who can vote, with its serial and QR code</source>
        <translation>为每位可以投票的表决权人各打印一张纸质选票，附票号和二维码</translation>
    </message>
    <message>
        <source>Print delivery sheet…</source>
        <translation>打印送达签收表…</translation>
    </message>
    <message>
        <source>The sheet owners sign when they receive their ballot</source>
        <translation>业主领取选票时签名的签收表</translation>
    </message>
</context>
<context>
    <name>RoomDialog</name>
    <message>
        <source>Add room</source>
        <translation>新增房屋</translation>
    </message>
    <message>
        <source>Edit room {code}</source>
        <translation>修改房屋 {code}</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>住户</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房屋</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>e.g. 3</source>
        <translation>如 3</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>e.g. 2 (may be empty)</source>
        <translation>如 2（可空）</translation>
    </message>
    <message>
        <source>Room number</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>e.g. 501</source>
        <translation>如 501</translation>
    </message>
    <message>
        <source>Exclusive area (m²)</source>
        <translation>专有面积（㎡）</translation>
    </message>
    <message>
        <source>from the property certificate, e.g. 89.50</source>
        <translation>以不动产权证为准，如 89.50</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Owners (co-owners in the order of the certificate)</source>
        <translation>业主（共有人按产权证顺序填写）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Landline</source>
        <translation>固定电话</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Add owner</source>
        <translation>添加业主</translation>
    </message>
    <message>
        <source>Remove owner</source>
        <translation>移除业主</translation>
    </message>
    <message>
        <source>Residents and tenants</source>
        <translation>住户与租户</translation>
    </message>
    <message>
        <source>Living as</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Lease from</source>
        <translation>租期起</translation>
    </message>
    <message>
        <source>Lease to</source>
        <translation>租期止</translation>
    </message>
    <message>
        <source>Add resident</source>
        <translation>添加住户</translation>
    </message>
    <message>
        <source>Remove resident</source>
        <translation>移除住户</translation>
    </message>
    <message>
        <source>Flags, parking and notes</source>
        <translation>标记、车位与备注</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Hardship (low income)</source>
        <translation>低保/特困</translation>
    </message>
    <message>
        <source>Elderly 80+ living alone</source>
        <translation>80岁以上独居老人</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>残疾</translation>
    </message>
    <message>
        <source>Held by the developer</source>
        <translation>建设单位（开发商）持有</translation>
    </message>
    <message>
        <source>Unsold or not yet delivered: all such rooms count as one voter</source>
        <translation>未售出或尚未交付的房屋：所有这类房屋合计算作一名表决权人</translation>
    </message>
    <message>
        <source>Parking spaces</source>
        <translation>车位</translation>
    </message>
    <message>
        <source>codes separated by commas, e.g. P-012, P-013</source>
        <translation>多个车位用逗号分隔，如 P-012，P-013</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>RoomPicker</name>
    <message>
        <source>Room, name or pinyin (3-2-501, zs)</source>
        <translation>房号、姓名或拼音（3-2-501、zs）</translation>
    </message>
    <message>
        <source>Type a room code (3-2-501 or 3号楼2单元501), an owner&apos;s name or pinyin initials. Down and Up move in the list, Enter chooses the room highlighted.</source>
        <translation>输入房号（3-2-501 或 3号楼2单元501）、业主姓名或拼音首字母。用上下方向键在列表中移动，按 Enter 选定高亮的房屋。</translation>
    </message>
    <message>
        <source>{shown} of {total} rooms</source>
        <translation>显示 {shown} 户，共 {total} 户</translation>
    </message>
</context>
<context>
    <name>RotaChangesDialog</name>
    <message>
        <source>&amp;Accept</source>
        <translation>接受(&amp;A)</translation>
    </message>
    <message>
        <source>The rota of {month} was re-planned where later changes broke it: {count} changes.</source>
        <translation>{month}的排班因后来的变动已重排：共{count}处变化。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>原 → 现</translation>
    </message>
    <message>
        <source>Changes to the rota</source>
        <translation>排班变动</translation>
    </message>
    <message>
        <source>Accept keeps the rota as it stands now, these changes included. Cancel leaves the accepted rota as it was: the grid goes on showing the re-plan until it is accepted.</source>
        <translation>接受：保存现在的排班（包括这些变动）。取消：已确认的排班保持不变，表格继续显示重排结果，直到接受为止。</translation>
    </message>
</context>
<context>
    <name>RotaPage</name>
    <message>
        <source>&amp;Month</source>
        <translation>月份(&amp;M)</translation>
    </message>
    <message>
        <source>The month before</source>
        <translation>上个月</translation>
    </message>
    <message>
        <source>The month of the rota; months whose rota was accepted are marked</source>
        <translation>排班的月份；已确认排班的月份有标记</translation>
    </message>
    <message>
        <source>The month after</source>
        <translation>下个月</translation>
    </message>
    <message>
        <source>&amp;Accept the rota</source>
        <translation>确认排班(&amp;A)</translation>
    </message>
    <message>
        <source>Keep the month&apos;s rota as shown: later leave re-plans only the days it breaks</source>
        <translation>保存所显示的本月排班：以后请假只重排受影响的日子</translation>
    </message>
    <message>
        <source>Print the &amp;wall chart</source>
        <translation>打印排班表(&amp;W)</translation>
    </message>
    <message>
        <source>The month&apos;s rota, cleaners by days, as a PDF to print and put on the wall</source>
        <translation>本月排班（保洁员×日期），生成PDF打印上墙</translation>
    </message>
    <message>
        <source>Print daily task &amp;sheets</source>
        <translation>打印每日任务单(&amp;S)</translation>
    </message>
    <message>
        <source>Each cleaner&apos;s tasks day by day with boxes to tick, for everyone or one cleaner</source>
        <translation>每位保洁员每天的任务及勾选框，可打印全部或某一位</translation>
    </message>
    <message>
        <source>See the &amp;changes…</source>
        <translation>查看变动(&amp;C)…</translation>
    </message>
    <message>
        <source>What the re-plan changed, day by day, to accept or not</source>
        <translation>逐日查看重排的变动，决定是否接受</translation>
    </message>
    <message>
        <source>Double-click a cell, or press Enter, to give the task to another cleaner</source>
        <translation>双击单元格或按回车，把任务改派给其他保洁员</translation>
    </message>
    <message>
        <source>Work shared</source>
        <translation>工作量分配</translation>
    </message>
    <message>
        <source>Double-click a line to find it in the grid</source>
        <translation>双击一行，在排班表中定位</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>The new language is used from the next start of EstateDesk.</source>
        <translation>新的界面语言将在下次启动程序时生效。</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Clerk&apos;s name (for the change history)</source>
        <translation>管理员姓名（记入变更记录）</translation>
    </message>
    <message>
        <source>empty: the computer&apos;s user name</source>
        <translation>留空则使用电脑的用户名</translation>
    </message>
</context>
<context>
    <name>StopItemDialog</name>
    <message>
        <source>Stop billing {item} from a month on.</source>
        <translation>从某月起停收{item}。</translation>
    </message>
    <message>
        <source>Stop billing {item}</source>
        <translation>停收{item}</translation>
    </message>
    <message>
        <source>Stop billing an item</source>
        <translation>停收收费项目</translation>
    </message>
    <message>
        <source>Stop from the month</source>
        <translation>停收起始月份</translation>
    </message>
    <message>
        <source>e.g. 2027-07</source>
        <translation>如 2027-07</translation>
    </message>
    <message>
        <source>Billing runs leave the item out from this month on; months already billed keep their charges. It can be resumed later.</source>
        <translation>从该月起，开账时不再包括此项目；已开账月份的费用保持不变。以后可以恢复收取。</translation>
    </message>
</context>
<context>
    <name>TallyPage</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Count the ballots entered again (F5)</source>
        <translation>按已录入的选票重新计票 (F5)</translation>
    </message>
    <message>
        <source>Print result notice…</source>
        <translation>打印结果公告…</translation>
    </message>
    <message>
        <source>The result notice as a PDF, to print, sign and post</source>
        <translation>生成结果公告 PDF，供打印、签字和张贴</translation>
    </message>
    <message>
        <source>Participation</source>
        <translation>参与表决</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Days off</source>
        <translation>休息日</translation>
    </message>
    <message>
        <source>A day</source>
        <translation>每天工时</translation>
    </message>
    <message>
        <source>Responsible for</source>
        <translation>负责区域</translation>
    </message>
    <message>
        <source>Leave ahead</source>
        <translation>近期请假</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>No cleaners yet. Add the team with “Add cleaner…”: each with their days off and minutes of work a day; then name each area&apos;s responsible cleaner on “Areas and tasks”.</source>
        <translation>还没有保洁员。请用“添加保洁员…”录入队伍及各人的休息日和每天工作时长，然后在“区域与任务”页为各区域指定责任人。</translation>
    </message>
    <message>
        <source>Select a cleaner to see their leave.</source>
        <translation>选择一位保洁员，查看其请假。</translation>
    </message>
    <message>
        <source>Leave over an accepted rota</source>
        <translation>请假与已确认排班冲突</translation>
    </message>
    <message>
        <source>Take back leave</source>
        <translation>撤销请假</translation>
    </message>
    <message>
        <source>Take back the leave of {name} from {first} to {last}? Accepted rotas over it stay as they are.</source>
        <translation>撤销{name}从 {first} 到 {last} 的请假？已确认的排班保持不变。</translation>
    </message>
</context>
<context>
    <name>VoidBallotDialog</name>
    <message>
        <source>Void a ballot</source>
        <translation>作废选票</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <source>required, e.g. entered under the wrong serial</source>
        <translation>必填，如 票号录错</translation>
    </message>
    <message>
        <source>A voided ballot stays on file, marked void with the reason and your name; it no longer counts. The voter&apos;s ballot can then be entered again.</source>
        <translation>作废的选票仍保留记录，标明作废、原因和您的姓名，不再计入。之后可以为该表决权人重新录入选票。</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <source>Void receipt {number}</source>
        <translation>作废收据 {number}</translation>
    </message>
    <message>
        <source>Receipt {number} of {date}: room {room}, {payer}, {amount} ({method}).</source>
        <translation>收据 {number}（{date}）：房屋 {room}，{payer}，{amount}（{method}）。</translation>
    </message>
    <message>
        <source>Void receipt {number} of {amount}? This cannot be undone.</source>
        <translation>确定作废金额为 {amount} 的收据 {number} 吗？作废后不能撤销。</translation>
    </message>
    <message>
        <source>Void a receipt</source>
        <translation>作废收据</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <source>required, e.g. wrong room entered</source>
        <translation>必填，如 房号录错</translation>
    </message>
    <message>
        <source>A void is never undone: the charges this receipt paid become unpaid again, its number stays used, and the void is recorded with your name. Take the paper receipt back if you can.</source>
        <translation>作废后不能撤销：这张收据所缴的费用恢复为未缴，收据号作废后不再使用，作废操作连同您的姓名一并记录。如有可能，请收回纸质收据。</translation>
    </message>
</context>
<context>
    <name>VotesListPage</name>
    <message>
        <source>New vote…</source>
        <translation>新建表决…</translation>
    </message>
    <message>
        <source>Open a vote or a committee election: its roll of voters is frozen from the households file now</source>
        <translation>发起一项表决或业主委员会选举：发起时即按房屋与住户档案冻结表决权人名册</translation>
    </message>
    <message>
        <source>Scrutineers&apos; counts…</source>
        <translation>监票人清点票数…</translation>
    </message>
    <message>
        <source>Record how many ballots were issued (signed for) and how many were found in the box</source>
        <translation>登记发出（已签收）的选票数和票箱中收回的选票数</translation>
    </message>
    <message>
        <source>Close vote…</source>
        <translation>结束表决…</translation>
    </message>
    <message>
        <source>Close the selected vote: no more ballots can be entered or voided</source>
        <translation>结束所选表决：此后不能再录入或作废选票</translation>
    </message>
    <message>
        <source>Double-click a vote to show it on every page</source>
        <translation>双击一项表决，在各页中显示该表决</translation>
    </message>
</context>
<context>
    <name>VotesTab</name>
    <message>
        <source>Vote:</source>
        <translation>表决：</translation>
    </message>
    <message>
        <source>The vote the pages below show</source>
        <translation>下方各页显示的表决</translation>
    </message>
    <message>
        <source>Ctrl+1 … Ctrl+5 switch between the pages of a vote</source>
        <translation>Ctrl+1 … Ctrl+5 切换表决的各个页面</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong and the last action may not have finished.
Your data file was not harmed. Details were written to:
{path}</source>
        <translation>程序出现了意外错误，刚才的操作可能没有完成。
数据文件没有受到损坏。详细信息已记录在：
{path}</translation>
    </message>
</context>
<context>
    <name>cleaning</name>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>7 days a week</source>
        <translation>每周7天</translation>
    </message>
    <message>
        <source>{days} days a week, off on {off}</source>
        <translation>每周{days}天，{off}休息</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes}分钟</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours}小时</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours}小时{minutes}分钟</translation>
    </message>
    <message>
        <source>Stairwell</source>
        <translation>楼道</translation>
    </message>
    <message>
        <source>Roads and squares</source>
        <translation>道路及广场</translation>
    </message>
    <message>
        <source>Garbage point</source>
        <translation>垃圾点</translation>
    </message>
    <message>
        <source>Green belt</source>
        <translation>绿化带</translation>
    </message>
    <message>
        <source>Car park</source>
        <translation>停车场</translation>
    </message>
    <message>
        <source>Drains and wells</source>
        <translation>雨污水井及管道</translation>
    </message>
    <message>
        <source>Septic tank</source>
        <translation>化粪池</translation>
    </message>
    <message>
        <source>Water tank</source>
        <translation>水箱</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>e.g. main road and north square</source>
        <translation>如 主干道及北广场</translation>
    </message>
    <message>
        <source>e.g. garbage point by building 3</source>
        <translation>如 3号楼垃圾点</translation>
    </message>
    <message>
        <source>e.g. central green belt</source>
        <translation>如 中心绿化带</translation>
    </message>
    <message>
        <source>e.g. underground car park</source>
        <translation>如 地下停车场</translation>
    </message>
    <message>
        <source>e.g. rain and sewage wells</source>
        <translation>如 雨污水井</translation>
    </message>
    <message>
        <source>e.g. septic tank by the south gate</source>
        <translation>如 南门化粪池</translation>
    </message>
    <message>
        <source>e.g. roof water tank</source>
        <translation>如 屋顶水箱</translation>
    </message>
    <message>
        <source>e.g. bicycle shed</source>
        <translation>如 自行车棚</translation>
    </message>
    <message>
        <source>Several times a day</source>
        <translation>每天多次</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>On given weekdays</source>
        <translation>每周固定几天</translation>
    </message>
    <message>
        <source>Times a week</source>
        <translation>每周几次</translation>
    </message>
    <message>
        <source>Every few days</source>
        <translation>每隔几天</translation>
    </message>
    <message>
        <source>Monthly, on a day</source>
        <translation>每月固定一天</translation>
    </message>
    <message>
        <source>Every few months</source>
        <translation>每隔几个月</translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation>每年</translation>
    </message>
    <message>
        <source>the month&apos;s last day when it is shorter</source>
        <translation>小月取月末</translation>
    </message>
    <message>
        <source>{count} times a day</source>
        <translation>每天{count}次</translation>
    </message>
    <message>
        <source>Every {days}</source>
        <translation>每{days}</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>每周1次</translation>
    </message>
    <message>
        <source>{count} times a week</source>
        <translation>每周{count}次</translation>
    </message>
    <message>
        <source>Every {count} days</source>
        <translation>每{count}天</translation>
    </message>
    <message>
        <source>Monthly on day {day}</source>
        <translation>每月{day}日</translation>
    </message>
    <message>
        <source>{frequency} ({detail})</source>
        <translation>{frequency}（{detail}）</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>Every {count} months</source>
        <translation>每{count}个月</translation>
    </message>
    <message>
        <source>on day {day}</source>
        <translation>{day}日</translation>
    </message>
    <message>
        <source>on {month}-{day}</source>
        <translation>{month}月{day}日</translation>
    </message>
    <message>
        <source>counted from {date}</source>
        <translation>自 {date} 起算</translation>
    </message>
    <message>
        <source>times a day</source>
        <translation>次/天</translation>
    </message>
    <message>
        <source>times a week</source>
        <translation>次/周</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>months</source>
        <translation>个月</translation>
    </message>
    <message>
        <source>{areas} areas ({stairwells} stairwells), {tasks} tasks, {week} a week</source>
        <translation>{areas} 个区域（楼道 {stairwells} 个），{tasks} 项任务，每周 {week}</translation>
    </message>
    <message>
        <source>{area}: no tasks yet</source>
        <translation>{area}：还没有任务</translation>
    </message>
    <message>
        <source>Tasks of {area}: {count}, {week} a week</source>
        <translation>{area}的任务：{count} 项，每周 {week}</translation>
    </message>
    <message>
        <source>None of the {count} areas has a task yet. Start from the usual plan: stairwells swept daily, mopped weekly and handrails wiped twice a week, roads swept and bins emptied twice a day, wells checked monthly, the septic tank every 2 months, the water tank every 6 months. You can change each task afterwards.</source>
        <translation>{count} 个区域都还没有保洁任务。可从常规方案开始：楼道每天清扫、每周拖洗、扶手每周擦拭2次，道路清扫和垃圾清运每天2次，雨污水井每月检查，化粪池每2个月检查，水箱每6个月清洗。添加后可逐项修改。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（未指定）</translation>
    </message>
    <message>
        <source>on leave until {last}</source>
        <translation>请假中，至 {last}</translation>
    </message>
    <message>
        <source>{areas} … {count} in all</source>
        <translation>{areas}等 {count} 处</translation>
    </message>
    <message>
        <source>{count} cleaners, {away} on leave today</source>
        <translation>保洁员 {count} 人，今天请假 {away} 人</translation>
    </message>
    <message>
        <source>{name}: no leave entered</source>
        <translation>{name}：没有请假记录</translation>
    </message>
    <message>
        <source>Leave of {name}: {count} periods, {days} days</source>
        <translation>{name}的请假：{count} 次，共 {days} 天</translation>
    </message>
    <message>
        <source>{month} ({days} days)</source>
        <translation>{month}（{days} 天）</translation>
    </message>
    <message>
        <source>{name} was put to work on days of this leave in the accepted rota of {months}. Those days are planned again; check the changes and accept the rota again.

Show the month&apos;s rota of {first} now?</source>
        <translation>已确认的{months}排班表在这段请假期间给{name}安排了任务。这些天将重新排班；请查看变动并重新确认排班。

现在查看{first}的排班表吗？</translation>
    </message>
    <message>
        <source>Areas and tasks</source>
        <translation>区域与任务</translation>
    </message>
    <message>
        <source>Inspections and ranking</source>
        <translation>检查与评比</translation>
    </message>
    <message>
        <source>Monthly rota</source>
        <translation>月度排班</translation>
    </message>
    <message>
        <source>Cleaners and leave</source>
        <translation>保洁员与请假</translation>
    </message>
</context>
<context>
    <name>cleaning_inspections</name>
    <message>
        <source>Commended</source>
        <translation>奖励</translation>
    </message>
    <message>
        <source>Encouraged</source>
        <translation>鼓励</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>末位跟进</translation>
    </message>
    <message>
        <source>This week&apos;s inspection: {day}, today</source>
        <translation>本周检查日：{day}（今天）</translation>
    </message>
    <message>
        <source>This week&apos;s inspection: {day}</source>
        <translation>本周检查日：{day}</translation>
    </message>
    <message>
        <source>not inspected</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>{done} of {count} areas inspected this week</source>
        <translation>本周已检查{done}个区域，共{count}个</translation>
    </message>
    <message>
        <source>Inspections this month ({count})</source>
        <translation>本月检查（{count}次）</translation>
    </message>
    <message>
        <source>Score from the checklist: {full} − {lost} = {score}</source>
        <translation>按检查表得分：{full} − {lost} = {score}</translation>
    </message>
    <message>
        <source>Top {top}% commended, bottom {bottom}% followed up, the rest encouraged</source>
        <translation>前{top}%奖励，后{bottom}%末位跟进，其余鼓励</translation>
    </message>
    <message>
        <source>No inspections in {month} yet.</source>
        <translation>{month}还没有检查记录。</translation>
    </message>
    <message>
        <source>{month}: {count} inspections, {cleaners} cleaners and {areas} areas ranked</source>
        <translation>{month}：检查{count}次，评比保洁员{cleaners}人、区域{areas}个</translation>
    </message>
    <message>
        <source>Each cleaner&apos;s average score, {first} to {last}</source>
        <translation>各保洁员平均分（{first}至{last}）</translation>
    </message>
    <message>
        <source>Cleaner</source>
        <translation>保洁员</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Ranking of {month}</source>
        <translation>{month}评比</translation>
    </message>
    <message>
        <source>Record an inspection</source>
        <translation>录入检查</translation>
    </message>
    <message>
        <source>Remove an inspection</source>
        <translation>删除检查</translation>
    </message>
    <message>
        <source>Remove the inspection of {area} on {day} (score {score})?</source>
        <translation>删除{area}在{day}的检查（{score}分）？</translation>
    </message>
    <message>
        <source>Writing the ranking…</source>
        <translation>正在生成评比表…</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>The document was written to
{path}
but no program to show PDF files was found.</source>
        <translation>文件已保存到
{path}
但没有找到可以打开PDF文件的程序。</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Score this week</source>
        <translation>本周得分</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>扣分项</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均分</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>检查次数</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>档次</translation>
    </message>
</context>
<context>
    <name>cleaning_rota</name>
    <message>
        <source>Mo</source>
        <translation>一</translation>
    </message>
    <message>
        <source>Tu</source>
        <translation>二</translation>
    </message>
    <message>
        <source>We</source>
        <translation>三</translation>
    </message>
    <message>
        <source>Th</source>
        <translation>四</translation>
    </message>
    <message>
        <source>Fr</source>
        <translation>五</translation>
    </message>
    <message>
        <source>Sa</source>
        <translation>六</translation>
    </message>
    <message>
        <source>Su</source>
        <translation>日</translation>
    </message>
    <message>
        <source>no cleaner works that day</source>
        <translation>当天无人上班</translation>
    </message>
    <message>
        <source>longer than the working day of every cleaner present</source>
        <translation>比在岗人员一天的工作时长还长</translation>
    </message>
    <message>
        <source>every cleaner present has too few minutes left that day</source>
        <translation>在岗人员当天时间已排满</translation>
    </message>
    <message>
        <source>{month} (accepted)</source>
        <translation>{month}（已确认）</translation>
    </message>
    <message>
        <source>{area} · {task}</source>
        <translation>{area} · {task}</translation>
    </message>
    <message>
        <source>{words} · no. {number}</source>
        <translation>{words} · 第{number}次</translation>
    </message>
    <message>
        <source>none</source>
        <translation>未排</translation>
    </message>
    <message>
        <source>Uncovered: {why}</source>
        <translation>未排上：{why}</translation>
    </message>
    <message>
        <source>Set by hand</source>
        <translation>手工调整</translation>
    </message>
    <message>
        <source>{name} — {left} left</source>
        <translation>{name} — 剩余{left}</translation>
    </message>
    <message>
        <source>{name} — {left} left, {needed} needed</source>
        <translation>{name} — 剩余{left}，需要{needed}</translation>
    </message>
    <message>
        <source>Team average {average} minutes a working day; each cleaner within ±{tolerance} (the longest task or 10%)</source>
        <translation>全员平均每工作日{average}分钟；每人允许偏差±{tolerance}分钟（最长单项任务或10%）</translation>
    </message>
    <message>
        <source>{count} outside it</source>
        <translation>{count}人超出允许范围</translation>
    </message>
    <message>
        <source>Everyone is within it</source>
        <translation>全员均在允许范围内</translation>
    </message>
    <message>
        <source>Not accepted: accept the rota to keep it</source>
        <translation>未确认：确认后保存</translation>
    </message>
    <message>
        <source>{count} places re-planned after leave and other changes</source>
        <translation>{count} 处因请假等变动已重排</translation>
    </message>
    <message>
        <source>{task} (no. {number})</source>
        <translation>{task}（第{number}次）</translation>
    </message>
    <message>
        <source>Uncovered ({count})</source>
        <translation>未排上的任务（{count}）</translation>
    </message>
    <message>
        <source>No cleaners yet: add them on the page “{page}” first.</source>
        <translation>还没有保洁员：请先在“{page}”中添加保洁员。</translation>
    </message>
    <message>
        <source>No task comes this month: add areas and their tasks on the first page.</source>
        <translation>本月没有任务：请先在第一页添加区域和任务。</translation>
    </message>
    <message>
        <source>No tasks yet: nothing to cover.</source>
        <translation>还没有任务，无需排班。</translation>
    </message>
    <message>
        <source>{month}: {count} tasks to do, {uncovered} uncovered, {manual} set by hand</source>
        <translation>{month}：任务{count}项，未排上{uncovered}项，手工调整{manual}项</translation>
    </message>
    <message>
        <source>Every task is covered.</source>
        <translation>所有任务都已排上。</translation>
    </message>
    <message>
        <source>{day} · {task}, {minutes} minutes</source>
        <translation>{day} · {task}，{minutes}分钟</translation>
    </message>
    <message>
        <source>No cleaner works that day</source>
        <translation>当天没有保洁员上班</translation>
    </message>
    <message>
        <source>Change the rota</source>
        <translation>调整排班</translation>
    </message>
    <message>
        <source>This month&apos;s rota is not accepted yet. A change by hand accepts the whole month&apos;s rota with it. Go on?</source>
        <translation>本月排班尚未确认。手工调整将同时确认整月排班，是否继续？</translation>
    </message>
    <message>
        <source>Accept the rota</source>
        <translation>确认排班</translation>
    </message>
    <message>
        <source>Writing the wall chart…</source>
        <translation>正在生成排班表…</translation>
    </message>
    <message>
        <source>Writing the task sheets…</source>
        <translation>正在生成每日任务单…</translation>
    </message>
    <message>
        <source>Every cleaner</source>
        <translation>全部保洁员</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>The document was written to
{path}
but no program to show PDF files was found.</source>
        <translation>文件已保存到
{path}
但没有找到可以打开PDF文件的程序。</translation>
    </message>
    <message>
        <source>set by hand</source>
        <translation>手工调整</translation>
    </message>
    <message>
        <source>weekend</source>
        <translation>周末</translation>
    </message>
    <message>
        <source>Cleaner</source>
        <translation>保洁员</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>工作天数</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Per working day</source>
        <translation>每工作日</translation>
    </message>
    <message>
        <source>Against average</source>
        <translation>与平均差</translation>
    </message>
    <message>
        <source>Within</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>estate</name>
    <message>
        <source>It holds {buildings} buildings, {rooms} rooms ({archived} archived), {owners} owners, {residents} residents, {parking} parking spaces and {changes} recorded changes.</source>
        <translation>文件中有 {buildings} 栋楼、{rooms} 户房屋（其中 {archived} 户已归档）、{owners} 位业主、{residents} 位住户、{parking} 个车位，以及 {changes} 条变更记录。</translation>
    </message>
    <message>
        <source>It holds {buildings} buildings, {rooms} rooms, {owners} owners, {residents} residents, {parking} parking spaces and {changes} recorded changes.</source>
        <translation>文件中有 {buildings} 栋楼、{rooms} 户房屋、{owners} 位业主、{residents} 位住户、{parking} 个车位，以及 {changes} 条变更记录。</translation>
    </message>
    <message>
        <source>The data file is sound.</source>
        <translation>数据文件完好。</translation>
    </message>
    <message>
        <source>The file is damaged: parts of it cannot be read correctly.</source>
        <translation>文件已损坏：部分内容无法正确读取。</translation>
    </message>
    <message>
        <source>{count} records refer to records that are no longer in the file.</source>
        <translation>有 {count} 条记录指向文件中已不存在的记录。</translation>
    </message>
    <message>
        <source>For {count} rooms, the names and phones shown in the list differ from the records (the file was changed outside EstateDesk).</source>
        <translation>有 {count} 户房屋在列表中显示的姓名、电话与档案不一致（文件曾在物业台账之外被修改）。</translation>
    </message>
    <message>
        <source>For {count} charges, what the fee ledger shows as still owed differs from its entries (the file was changed outside EstateDesk).</source>
        <translation>有 {count} 笔应收在收费台账中显示的欠款与账目记录不一致（文件曾在物业台账之外被修改）。</translation>
    </message>
    <message>
        <source>For {count} repair orders, the state shown differs from their recorded steps (the file was changed outside EstateDesk).</source>
        <translation>有 {count} 张报修工单显示的状态与处理记录不一致（文件曾在物业台账之外被修改）。</translation>
    </message>
    <message>
        <source>The file&apos;s tables are not laid out as this version of EstateDesk expects.</source>
        <translation>文件的表结构与本版本物业台账不符。</translation>
    </message>
    <message>
        <source>The file belongs to another version of EstateDesk.</source>
        <translation>此文件属于另一个版本的物业台账。</translation>
    </message>
    <message>
        <source>The check changed nothing. Make no more changes in this file: restore your latest backup (File → Restore from backup), or show the details below to whoever looks after the computer.</source>
        <translation>检查没有改动任何内容。请不要再修改此文件：恢复最近的备份（文件 → 从备份恢复），或把下面的详细信息给负责电脑维护的人看。</translation>
    </message>
    <message>
        <source>Problems were found:</source>
        <translation>发现问题：</translation>
    </message>
</context>
<context>
    <name>fee_reports</name>
    <message>
        <source>By area</source>
        <translation>按面积</translation>
    </message>
    <message>
        <source>Fixed per room</source>
        <translation>每户固定</translation>
    </message>
    <message>
        <source>Per parking space</source>
        <translation>按车位</translation>
    </message>
    <message>
        <source>One-off</source>
        <translation>一次性</translation>
    </message>
    <message>
        <source>{price} from {date}</source>
        <translation>{price}（{date} 起）</translation>
    </message>
    <message>
        <source>With each repair order the owner pays</source>
        <translation>随业主付费的报修工单计收</translation>
    </message>
    <message>
        <source>Once, for {month}</source>
        <translation>一次性（{month}）</translation>
    </message>
    <message>
        <source>Stopped from {month}</source>
        <translation>自 {month} 起停收</translation>
    </message>
    <message>
        <source>Every month</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>current</source>
        <translation>现行</translation>
    </message>
    <message>
        <source>coming</source>
        <translation>待生效</translation>
    </message>
    <message>
        <source>{count} fee items, {billed} billed for this month</source>
        <translation>共 {count} 个收费项目，本月计收 {billed} 个</translation>
    </message>
    <message>
        <source>No fee item is billed in these months: add fee items with a price for them first.</source>
        <translation>这些月份没有可开账的收费项目：请先添加收费项目，并设定这些月份的单价。</translation>
    </message>
    <message>
        <source>No room pays these fee items: add rooms on the Households tab first.</source>
        <translation>没有房屋适用这些收费项目：请先在“房屋与住户档案”页添加房屋。</translation>
    </message>
    <message>
        <source>Everything is billed for these months already: a run would make nothing new.</source>
        <translation>这些月份已全部开账：再开账也不会生成新的应收。</translation>
    </message>
    <message>
        <source>About {charges} new charges for {rooms} rooms, {items} fee items.</source>
        <translation>约生成 {charges} 笔新应收，涉及 {rooms} 户、{items} 个收费项目。</translation>
    </message>
    <message>
        <source>{months}: nothing new to bill, every room had its charges already.</source>
        <translation>{months}：没有需要新开的账，各户均已开账。</translation>
    </message>
    <message>
        <source>{months} billed: {created} charges for {rooms} rooms, {total} in all.</source>
        <translation>{months} 已开账：{rooms} 户共 {created} 笔应收，合计 {total}。</translation>
    </message>
    <message>
        <source>Standing reductions (vacant rooms, hardship households): {amount}.</source>
        <translation>常设减免（空置房、低保/特困户）：{amount}。</translation>
    </message>
    <message>
        <source>Prepayments used on open charges: {amount}.</source>
        <translation>预交款冲抵应收：{amount}。</translation>
    </message>
    <message>
        <source>Void: {reason} ({clerk}, {when})</source>
        <translation>已作废：{reason}（{clerk}，{when}）</translation>
    </message>
    <message>
        <source>{count} receipts, {amount} (void ones not counted)</source>
        <translation>收据 {count} 张，合计 {amount}（不含作废的）</translation>
    </message>
    <message>
        <source>Up to 3 months</source>
        <translation>≤3个月</translation>
    </message>
    <message>
        <source>3–6 months</source>
        <translation>3–6个月</translation>
    </message>
    <message>
        <source>6–12 months</source>
        <translation>6–12个月</translation>
    </message>
    <message>
        <source>Over 12 months</source>
        <translation>12个月以上</translation>
    </message>
    <message>
        <source>{scope}: no room owes anything as of {date}.</source>
        <translation>{scope}：截至 {date}，没有欠费的房屋。</translation>
    </message>
    <message>
        <source>{scope}: {rooms} rooms owe {amount} as of {date}.</source>
        <translation>{scope}：截至 {date}，{rooms} 户欠费，共 {amount}。</translation>
    </message>
    <message>
        <source>Due (net of reductions)</source>
        <translation>应收（扣除减免）</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>实收</translation>
    </message>
    <message>
        <source>Collection rate</source>
        <translation>收缴率</translation>
    </message>
    <message>
        <source>Households billed</source>
        <translation>应缴户数</translation>
    </message>
    <message>
        <source>Households fully paid</source>
        <translation>已缴清户数</translation>
    </message>
    <message>
        <source>Household rate</source>
        <translation>户收费率</translation>
    </message>
    <message>
        <source>The {shown} buildings with the lowest collection rate (of {total}), {months}</source>
        <translation>收缴率最低的 {shown} 栋楼（共 {total} 栋），{months}</translation>
    </message>
    <message>
        <source>Collection rate by building, {months}</source>
        <translation>各楼栋收缴率，{months}</translation>
    </message>
    <message>
        <source>Collection rate by month, {months}</source>
        <translation>各月收缴率，{months}</translation>
    </message>
    <message>
        <source>Collection rate {months}: {rate}</source>
        <translation>{months} 收缴率：{rate}</translation>
    </message>
</context>
<context>
    <name>fees</name>
    <message>
        <source>A5, one receipt per sheet</source>
        <translation>A5 纸，每张一份收据</translation>
    </message>
    <message>
        <source>A4, two receipts per sheet</source>
        <translation>A4 纸，每张两份收据</translation>
    </message>
    <message>
        <source>no owner recorded</source>
        <translation>未登记业主</translation>
    </message>
    <message>
        <source>{area} m²</source>
        <translation>{area} ㎡</translation>
    </message>
    <message>
        <source>Find the room first: type its code (3-2-501 or 3号楼2单元501), an owner&apos;s name or the initials of its pinyin (zs), then press Enter. Down and Up move in the list.</source>
        <translation>请先查找房屋：输入房号（3-2-501 或 3号楼2单元501）、业主姓名或拼音首字母（zs），然后按 Enter。用上下方向键在列表中移动。</translation>
    </message>
    <message>
        <source>Choose a room on the left to see what it was charged, what was reduced and paid, and every entry of its ledger.</source>
        <translation>在左侧选择一户房屋，查看它的应收、减免、已缴情况，以及账户中的每一笔记录。</translation>
    </message>
    <message>
        <source>Room {code} owes nothing. A payment now is kept as prepayment for later bills.</source>
        <translation>房屋 {code} 没有欠费。现在收款将作为预交款，用于冲抵以后的费用。</translation>
    </message>
    <message>
        <source>It already holds {amount} in advance.</source>
        <translation>已有预交款 {amount}。</translation>
    </message>
    <message>
        <source>Nothing due</source>
        <translation>无应收</translation>
    </message>
    <message>
        <source>Due, all {count} open lines</source>
        <translation>应收（全部 {count} 笔未缴）</translation>
    </message>
    <message>
        <source>Due, {ticked} of {count} open lines ticked</source>
        <translation>应收（{count} 笔未缴中已勾选 {ticked} 笔）</translation>
    </message>
    <message>
        <source>No line is ticked: the whole amount is kept as prepayment.</source>
        <translation>未勾选任何费用：全部金额将作为预交款。</translation>
    </message>
    <message>
        <source>{amount} more than the ticked lines: kept as prepayment.</source>
        <translation>比勾选的费用多 {amount}：多出部分作为预交款。</translation>
    </message>
    <message>
        <source>Pays the oldest ticked lines first; {amount} of them stays owed.</source>
        <translation>先冲抵勾选中最早的费用；仍有 {amount} 未缴。</translation>
    </message>
    <message>
        <source>Receipt {number}: {amount} received for room {room}</source>
        <translation>收据 {number}：已收房屋 {room} 款项 {amount}</translation>
    </message>
    <message>
        <source>from {payer}</source>
        <translation>（交款人：{payer}）</translation>
    </message>
    <message>
        <source>{amount} kept as prepayment.</source>
        <translation>其中 {amount} 转为预交款。</translation>
    </message>
    <message>
        <source>Prepaid now: {amount}.</source>
        <translation>当前预交余额：{amount}。</translation>
    </message>
    <message>
        <source>The data file is open read-only: payments cannot be taken. You can still find rooms, look at what they owe and print receipts.</source>
        <translation>数据文件以只读方式打开：不能收款。仍可查找房屋、查看欠费和打印收据。</translation>
    </message>
    <message>
        <source>The data file is open read-only: nothing can be reduced.</source>
        <translation>数据文件以只读方式打开：不能减免。</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应收</translation>
    </message>
    <message>
        <source>Reduced</source>
        <translation>减免</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已缴</translation>
    </message>
    <message>
        <source>Owed</source>
        <translation>欠费</translation>
    </message>
    <message>
        <source>Prepaid</source>
        <translation>预交</translation>
    </message>
    <message>
        <source>Room {code} has not been charged yet: bill a period on the Billing page.</source>
        <translation>房屋 {code} 还没有应收费用：请先在“开账”页开账。</translation>
    </message>
    <message>
        <source>No payment or reduction yet.</source>
        <translation>还没有收款或减免记录。</translation>
    </message>
    <message>
        <source>Reduced {amount} in all, over {months} month(s).</source>
        <translation>共减免 {amount}，涉及 {months} 个月。</translation>
    </message>
    <message>
        <source>Not reduced (not billed, or paid in full): {months}.</source>
        <translation>未减免的月份（尚未开账或已缴清）：{months}。</translation>
    </message>
    <message>
        <source>{room}: owes {owed} · prepaid {prepaid}</source>
        <translation>{room}：欠费 {owed} · 预交 {prepaid}</translation>
    </message>
    <message>
        <source>{room} owes {owed}</source>
        <translation>{room} 欠费 {owed}</translation>
    </message>
    <message>
        <source>No rooms yet: add them on the Households tab.</source>
        <translation>还没有房屋：请在“房屋与住户档案”页添加。</translation>
    </message>
    <message>
        <source>No room matches “{query}”. Search by room (3-2-501), name or pinyin (zs).</source>
        <translation>没有与“{query}”相符的房屋。可按房号（3-2-501）、姓名或拼音（zs）查找。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>收据</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Room account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Arrears</source>
        <translation>欠费</translation>
    </message>
    <message>
        <source>Billing run</source>
        <translation>开账</translation>
    </message>
    <message>
        <source>Writing receipt {number}…</source>
        <translation>正在生成收据 {number}…</translation>
    </message>
    <message>
        <source>The receipt was written to
{path}
but no program to show PDF files was found.</source>
        <translation>收据已保存到
{path}
但找不到可以打开 PDF 文件的程序。</translation>
    </message>
    <message>
        <source>Take a payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Fee items</source>
        <translation>收费项目</translation>
    </message>
    <message>
        <source>Collection rate</source>
        <translation>收缴率</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>收据</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
</context>
<context>
    <name>households</name>
    <message>
        <source>show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>This estate has no rooms yet: add them one by one with “Add room…”, or import a spreadsheet with “Import…” (it offers a template to fill in).</source>
        <translation>这个小区还没有房屋：可以用“新增房屋…”逐户录入，或用“导入…”从表格导入（导入菜单里有可填写的模板）。</translation>
    </message>
    <message>
        <source>Set up a whole building’s rooms in one go…</source>
        <translation>批量新建楼栋：一次建好整栋楼的房屋…</translation>
    </message>
    <message>
        <source>Select a room to see its owners, residents and history.</source>
        <translation>选择一户房屋，查看业主、住户和变更记录。</translation>
    </message>
    <message>
        <source>Owes {amount}</source>
        <translation>欠费 {amount}</translation>
    </message>
    <message>
        <source>Prepaid {amount}</source>
        <translation>预交 {amount}</translation>
    </message>
    <message>
        <source>Nothing owed</source>
        <translation>无欠费</translation>
    </message>
    <message>
        <source>View account</source>
        <translation>查看账户</translation>
    </message>
    <message>
        <source>Exclusive area</source>
        <translation>专有面积</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Parking spaces</source>
        <translation>车位</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Archived on {date}</source>
        <translation>已于 {date} 归档</translation>
    </message>
    <message>
        <source>Restore it to the list</source>
        <translation>恢复到列表</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>收费</translation>
    </message>
    <message>
        <source>Owners</source>
        <translation>业主</translation>
    </message>
    <message>
        <source>No owner recorded</source>
        <translation>未登记业主</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>身份证</translation>
    </message>
    <message>
        <source>Also owns: {rooms}</source>
        <translation>另有房屋：{rooms}</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>住户</translation>
    </message>
    <message>
        <source>No resident recorded</source>
        <translation>未登记住户</translation>
    </message>
    <message>
        <source>Lease {start} to {end}</source>
        <translation>租期 {start} 至 {end}</translation>
    </message>
    <message>
        <source>Landline</source>
        <translation>固定电话</translation>
    </message>
    <message>
        <source>Viewed the full {number}: {name}</source>
        <translation>查看完整{number}：{name}</translation>
    </message>
    <message>
        <source>Person changed</source>
        <translation>人员信息修改</translation>
    </message>
    <message>
        <source>No room matches “{query}”. Search by room (3-2-501), name, pinyin (zs), or a phone&apos;s first digits or last 4.</source>
        <translation>没有与“{query}”相符的房屋。可按房号（3-2-501）、姓名、拼音（zs）、电话前几位或后 4 位查找。</translation>
    </message>
    <message>
        <source>No rooms yet.</source>
        <translation>还没有房屋。</translation>
    </message>
    <message>
        <source>No room here.</source>
        <translation>这里没有房屋。</translation>
    </message>
    <message>
        <source>{shown} of {total} rooms shown</source>
        <translation>显示 {shown} 户，共 {total} 户</translation>
    </message>
    <message>
        <source>{rooms} rooms · {owners} owners · {residents} residents</source>
        <translation>房屋 {rooms} 户 · 业主 {owners} 人 · 住户 {residents} 人</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Residential</source>
        <translation>住宅</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>商铺</translation>
    </message>
    <message>
        <source>Garage</source>
        <translation>车库</translation>
    </message>
    <message>
        <source>Self-occupied</source>
        <translation>自住</translation>
    </message>
    <message>
        <source>Rented</source>
        <translation>出租</translation>
    </message>
    <message>
        <source>Vacant</source>
        <translation>空置</translation>
    </message>
    <message>
        <source>Hardship</source>
        <translation>低保/特困</translation>
    </message>
    <message>
        <source>Elderly living alone</source>
        <translation>独居老人</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>残疾</translation>
    </message>
    <message>
        <source>Developer</source>
        <translation>建设单位持有</translation>
    </message>
    <message>
        <source>Family member</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Restored from archive</source>
        <translation>从归档中恢复</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Demo estate created</source>
        <translation>生成演示小区</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>Exclusive area (m²)</source>
        <translation>专有面积（㎡）</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Owners</source>
        <translation>业主</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>住户</translation>
    </message>
    <message>
        <source>Parking spaces</source>
        <translation>车位</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Landline</source>
        <translation>固定电话</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>unknown use &apos;{value}&apos; (residential, shop or garage)</source>
        <translation>无法识别的用途“{value}”（应为住宅、商铺或车库）</translation>
    </message>
    <message>
        <source>unknown state &apos;{value}&apos; (self-occupied, rented or vacant)</source>
        <translation>无法识别的状态“{value}”（应为自住、出租或空置）</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a mobile number: 11 digits starting with 1</source>
        <translation>“{value}”不是手机号：手机号为以 1 开头的 11 位数字</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a landline number such as 0571-88886666 or 88886666 (extension: -123)</source>
        <translation>“{value}”不是固定电话号码，应如 0571-88886666 或 88886666（分机写作 -123）</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is a mobile number: enter it as the mobile</source>
        <translation>“{value}”是手机号码：请填在手机一栏</translation>
    </message>
    <message>
        <source>an ID number has 18 characters: 17 digits and a digit or X</source>
        <translation>身份证号应为 18 位：17 位数字加 1 位数字或 X</translation>
    </message>
    <message>
        <source>no province has the code {value} that starts this ID number</source>
        <translation>身份证号开头的 {value} 不是任何省份的代码</translation>
    </message>
    <message>
        <source>the birth date in the ID number, {value}, is not a real date</source>
        <translation>身份证号中的出生日期 {value} 不是有效日期</translation>
    </message>
    <message>
        <source>the birth date in the ID number, {value}, is in the future</source>
        <translation>身份证号中的出生日期 {value} 晚于今天</translation>
    </message>
    <message>
        <source>the ID number&apos;s check character is wrong (mistyped digit?)</source>
        <translation>身份证号的校验位不对（是否输错了某一位？）</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an area: decimals take a point (80.5); a comma may only group thousands (1,234.5)</source>
        <translation>“{value}”不是面积：小数请用小数点（80.5）；逗号只能用作千位分隔（1,234.5）</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an area in square metres</source>
        <translation>“{value}”不是以平方米计的面积</translation>
    </message>
    <message>
        <source>unknown flag &apos;{value}&apos; (hardship, elderly alone, disabled, developer)</source>
        <translation>无法识别的标记“{value}”（应为低保/特困、独居老人、残疾或建设单位）</translation>
    </message>
    <message>
        <source>the area must be above 0 and below 10,000 m²</source>
        <translation>面积必须大于 0 且小于 10000 ㎡</translation>
    </message>
    <message>
        <source>the area has at most 2 decimals, as on the certificate</source>
        <translation>面积最多保留 2 位小数，以产权证为准</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; may only hold letters, digits and Chinese characters</source>
        <translation>“{value}”只能包含字母、数字和汉字</translation>
    </message>
    <message>
        <source>the room number is required</source>
        <translation>请填写房号</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a room code such as 3-2-501</source>
        <translation>“{value}”不是 3-2-501 这样的房号</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a parking space code such as P-001</source>
        <translation>“{value}”不是车位编号，应如 P-001</translation>
    </message>
    <message>
        <source>the name is required</source>
        <translation>请填写姓名</translation>
    </message>
    <message>
        <source>the name is longer than 40 characters</source>
        <translation>姓名超过 40 个字</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a name: it needs a letter or a Chinese character</source>
        <translation>“{value}”不是姓名：姓名至少要有一个汉字或字母</translation>
    </message>
    <message>
        <source>a self-occupied room cannot have tenants: mark it rented, or remove the tenants</source>
        <translation>自住的房屋不能有租户：请改为出租，或删除租户</translation>
    </message>
    <message>
        <source>the room is rented but has no tenant</source>
        <translation>房屋为出租状态，但没有登记租户</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date such as 2025-03-01</source>
        <translation>“{value}”不是 2025-03-01 这样的日期</translation>
    </message>
    <message>
        <source>the lease ends before it starts</source>
        <translation>租期止早于租期起</translation>
    </message>
    <message>
        <source>unknown role &apos;{value}&apos; (family or tenant)</source>
        <translation>无法识别的身份“{value}”（应为家庭成员或租户）</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is a landline, and another landline is given</source>
        <translation>“{value}”是固定电话，但已另填了固定电话</translation>
    </message>
    <message>
        <source>give a whole number from {low} to {high}</source>
        <translation>请填写 {low} 到 {high} 之间的整数</translation>
    </message>
    <message>
        <source>the building is required</source>
        <translation>请填写楼栋</translation>
    </message>
    <message>
        <source>building {building} already has all these rooms</source>
        <translation>楼栋 {building} 已有这些房屋</translation>
    </message>
    <message>
        <source>{name} is listed twice</source>
        <translation>{name} 重复填写了</translation>
    </message>
    <message>
        <source>room #{id} no longer exists</source>
        <translation>房屋（编号 {id}）已不存在</translation>
    </message>
    <message>
        <source>parking space {space} is not on file yet: it will be added</source>
        <translation>车位 {space} 尚未登记：将新增</translation>
    </message>
    <message>
        <source>parking space {space} belongs to room {room}</source>
        <translation>车位 {space} 已属于房屋 {room}</translation>
    </message>
    <message>
        <source>renames {person} to {after}, in rooms {rooms} too</source>
        <translation>将 {person} 改名为 {after}，房屋 {rooms} 也会随之改变</translation>
    </message>
    <message>
        <source>changes the phone of {person} from {before} to {after}, in rooms {rooms} too</source>
        <translation>将 {person} 的电话由 {before} 改为 {after}，房屋 {rooms} 也会随之改变</translation>
    </message>
    <message>
        <source>changes the landline of {person} from {before} to {after}, in rooms {rooms} too</source>
        <translation>将 {person} 的固定电话由 {before} 改为 {after}，房屋 {rooms} 也会随之改变</translation>
    </message>
    <message>
        <source>changes the ID number of {person} from {before} to {after}, in rooms {rooms} too</source>
        <translation>将 {person} 的身份证号由 {before} 改为 {after}，房屋 {rooms} 也会随之改变</translation>
    </message>
    <message>
        <source>this row would also remove {value}, which the preview did not list: read the file again</source>
        <translation>此行还会删除预览中未列出的 {value}：请重新读取文件</translation>
    </message>
    <message>
        <source>room {code} exists in the archive; restore it instead</source>
        <translation>房屋 {code} 在归档中，请从归档中恢复</translation>
    </message>
    <message>
        <source>room {code} already exists</source>
        <translation>房屋 {code} 已存在</translation>
    </message>
    <message>
        <source>room {code} is already archived</source>
        <translation>房屋 {code} 已经归档</translation>
    </message>
    <message>
        <source>{path} is not a folder</source>
        <translation>{path} 不是文件夹</translation>
    </message>
    <message>
        <source>the backup to {path} failed: {reason}</source>
        <translation>备份到 {path} 失败：{reason}</translation>
    </message>
    <message>
        <source>{path} cannot be read: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is damaged and cannot be restored</source>
        <translation>{path} 已损坏，不能用于恢复</translation>
    </message>
    <message>
        <source>{path} is the file already open</source>
        <translation>{path} 就是当前打开的文件</translation>
    </message>
    <message>
        <source>restoring {path} failed ({reason}); the data file was left as it was</source>
        <translation>从 {path} 恢复失败（{reason}），数据文件保持原样</translation>
    </message>
    <message>
        <source>{path} was made again while the backup was being restored; the damaged file is at {kept}</source>
        <translation>恢复备份期间 {path} 又被创建了；损坏的文件保存在 {kept}</translation>
    </message>
    <message>
        <source>{path} is open in another EstateDesk window; close it there first</source>
        <translation>{path} 正在另一个物业台账窗口中打开，请先在那里关闭</translation>
    </message>
    <message>
        <source>part of {path} is damaged and cannot be read; restore the latest backup</source>
        <translation>{path} 有部分内容已损坏，无法读取；请恢复最近的备份</translation>
    </message>
    <message>
        <source>{path} has another name on this disk (a hard link); a crash while it is open under one name can break it when it is next opened under the other: copy the file to make a separate one, and open the copy</source>
        <translation>{path} 在此磁盘上还有另一个名称（硬链接）；如果以一个名称打开时程序中断，下次以另一个名称打开就可能损坏文件：请复制出一个独立的文件，再打开副本</translation>
    </message>
    <message>
        <source>{path} is on a network drive, where EstateDesk cannot keep it safe; copy it to a folder on this PC and open the copy</source>
        <translation>{path} 位于网络驱动器上，物业台账无法保证其安全；请复制到本机的文件夹中，再打开副本</translation>
    </message>
    <message>
        <source>{path} is damaged and open read-only: nothing can be changed in it; restore a backup</source>
        <translation>{path} 已损坏，现以只读方式打开，不能修改；请恢复备份</translation>
    </message>
    <message>
        <source>{path} is open read-only (the file or its folder cannot be written, e.g. a write-protected USB stick): nothing can be changed in it</source>
        <translation>{path} 以只读方式打开（文件或其所在文件夹无法写入，例如 U 盘写保护）：不能修改</translation>
    </message>
    <message>
        <source>cannot lock {path}: {reason}</source>
        <translation>无法锁定 {path}：{reason}</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is not an EstateDesk data file</source>
        <translation>{path} 不是物业台账的数据文件</translation>
    </message>
    <message>
        <source>{path} was written by a newer EstateDesk (data version {version}); this program reads up to version {supported}: please update EstateDesk</source>
        <translation>{path} 由更新版本的物业台账写入（数据版本 {version}），本程序最高只能读取版本 {supported}：请升级程序</translation>
    </message>
    <message>
        <source>{path} holds recent changes in {journal}, which can only be read where the file can be written; copy both files to a folder on this PC and open the copy there</source>
        <translation>{path} 的最近改动保存在 {journal} 中，只有在可写的位置才能读取；请把这两个文件一起复制到本机的文件夹中，再打开副本</translation>
    </message>
    <message>
        <source>upgrading to data version {version} broke {count} links</source>
        <translation>升级到数据版本 {version} 时断开了 {count} 处关联</translation>
    </message>
    <message>
        <source>{path} does not have the tables of data version {version}: it was changed outside EstateDesk or is damaged ({problems})</source>
        <translation>{path} 的数据表与数据版本 {version} 不符：文件曾在物业台账之外被修改，或已损坏（{problems}）</translation>
    </message>
    <message>
        <source>{path} does not exist</source>
        <translation>{path} 不存在</translation>
    </message>
    <message>
        <source>the estate needs a name</source>
        <translation>请填写小区名称</translation>
    </message>
    <message>
        <source>{path} already exists; choose another file name</source>
        <translation>{path} 已存在，请换一个文件名</translation>
    </message>
    <message>
        <source>cannot create {path}: {reason}</source>
        <translation>无法创建 {path}：{reason}</translation>
    </message>
    <message>
        <source>this row has {count} cells but the header row has {expected}: a delimiter or a quote too many or too few?</source>
        <translation>此行有 {count} 格，而表头有 {expected} 格：是否多了或少了分隔符、引号？</translation>
    </message>
    <message>
        <source>{name} is an old .xls workbook; save it as .xlsx or .csv first</source>
        <translation>{name} 是旧版 .xls 工作簿，请先另存为 .xlsx 或 .csv</translation>
    </message>
    <message>
        <source>{name} is not an .xlsx or .csv file</source>
        <translation>{name} 不是 .xlsx 或 .csv 文件</translation>
    </message>
    <message>
        <source>{name} does not exist</source>
        <translation>{name} 不存在</translation>
    </message>
    <message>
        <source>cannot read {name}: {reason}</source>
        <translation>无法读取 {name}：{reason}</translation>
    </message>
    <message>
        <source>{name} is empty</source>
        <translation>{name} 是空文件</translation>
    </message>
    <message>
        <source>the file is neither UTF-8 nor GBK text</source>
        <translation>文件既不是 UTF-8 也不是 GBK 编码的文本</translation>
    </message>
    <message>
        <source>a quote mark (&quot;) in this row is never closed</source>
        <translation>此行的引号（&quot;）没有闭合</translation>
    </message>
    <message>
        <source>a quote mark (&quot;) in this row is not closed where it should be, so lines {first} to {last} of the file were read as this one row</source>
        <translation>此行的引号（&quot;）没有在应有位置闭合，文件第 {first} 至 {last} 行被读成了这一行</translation>
    </message>
    <message>
        <source>a cell of this row is longer than {limit} characters</source>
        <translation>此行有一格超过 {limit} 个字符</translation>
    </message>
    <message>
        <source>this row cannot be read: {reason}</source>
        <translation>此行无法读取：{reason}</translation>
    </message>
    <message>
        <source>room code {code} does not match the building {value}</source>
        <translation>房号 {code} 与楼栋 {value} 不符</translation>
    </message>
    <message>
        <source>room code {code} does not match the unit {value}</source>
        <translation>房号 {code} 与单元 {value} 不符</translation>
    </message>
    <message>
        <source>removes owner {value}</source>
        <translation>删除业主 {value}</translation>
    </message>
    <message>
        <source>removes tenant {value}</source>
        <translation>删除租户 {value}</translation>
    </message>
    <message>
        <source>removes parking space {value}</source>
        <translation>删除车位 {value}</translation>
    </message>
    <message>
        <source>removes the phone of {of} ({value})</source>
        <translation>删除 {of} 的电话（{value}）</translation>
    </message>
    <message>
        <source>removes the landline of {of} ({value})</source>
        <translation>删除 {of} 的固定电话（{value}）</translation>
    </message>
    <message>
        <source>ID number {id_number} is given on row {row} with another phone ({number})</source>
        <translation>身份证号 {id_number} 在第 {row} 行配的是另一个电话（{number}）</translation>
    </message>
    <message>
        <source>ID number {id_number} is given on row {row} with another landline ({number})</source>
        <translation>身份证号 {id_number} 在第 {row} 行配的是另一个固定电话（{number}）</translation>
    </message>
    <message>
        <source>a lease date is given but no tenant</source>
        <translation>填了租期但没有租户</translation>
    </message>
    <message>
        <source>there is no name for &apos;{value}&apos;</source>
        <translation>“{value}”没有对应的姓名</translation>
    </message>
    <message>
        <source>{count} values for {people} names: give one, or one per name in order</source>
        <translation>{count} 个值对应 {people} 个姓名：请只填一个，或按姓名顺序每人一个</translation>
    </message>
    <message>
        <source>{name} has a header row but no rows to import</source>
        <translation>{name} 只有列名行，没有可导入的数据</translation>
    </message>
    <message>
        <source>the area is required</source>
        <translation>请填写面积</translation>
    </message>
    <message>
        <source>the column mapping does not fit the file: {fields}</source>
        <translation>列对应关系与文件不符：{fields}</translation>
    </message>
    <message>
        <source>required column not found in the header row</source>
        <translation>列名行中找不到这一必填列</translation>
    </message>
    <message>
        <source>the same column is chosen for {first} and {second}</source>
        <translation>同一列被同时选作“{first}”和“{second}”</translation>
    </message>
    <message>
        <source>columns {first} and {second} are both read as {header}: rename one of them</source>
        <translation>{first} 列和 {second} 列都被识别为“{header}”：请改掉其中一列的表头</translation>
    </message>
    <message>
        <source>columns {first} and {second} are both read as {header}: rename one of them (for example to {example})</source>
        <translation>{first} 列和 {second} 列都被识别为“{header}”：请改掉其中一列的表头（例如改为“{example}”）</translation>
    </message>
    <message>
        <source>room {code} is already on row {row}</source>
        <translation>房号 {code} 已在第 {row} 行出现</translation>
    </message>
    <message>
        <source>this ID number is also given for {name} on row {row}</source>
        <translation>该身份证号在第 {row} 行已填给 {name}</translation>
    </message>
    <message>
        <source>{name} cannot be exported</source>
        <translation>{name} 不能导出</translation>
    </message>
    <message>
        <source>the import was cancelled; nothing was changed</source>
        <translation>导入已取消，数据未作任何更改</translation>
    </message>
    <message>
        <source>the estate file refused this row ({detail})</source>
        <translation>数据文件拒绝了这一行（{detail}）</translation>
    </message>
    <message>
        <source>there is no import template for {name}</source>
        <translation>{name} 没有导入模板</translation>
    </message>
    <message>
        <source>cannot write {name}: {reason}</source>
        <translation>无法写入 {name}：{reason}</translation>
    </message>
    <message>
        <source>{name} holds an invisible control character ({code}); type it again</source>
        <translation>{name}中含有不可见的控制字符（{code}）；请重新输入</translation>
    </message>
    <message>
        <source>person #{person} is no longer linked to room #{room}</source>
        <translation>人员 #{person} 已不再属于房屋 #{room}</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a month such as 2027-01</source>
        <translation>“{value}”不是月份，应如 2027-01</translation>
    </message>
    <message>
        <source>the last month {last} is before the first, {first}</source>
        <translation>结束月份 {last} 早于开始月份 {first}</translation>
    </message>
    <message>
        <source>a run covers at most {count} months</source>
        <translation>一次开账最多 {count} 个月</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a price in yuan with at most 4 decimals</source>
        <translation>“{value}”不是单价：以元为单位，最多 4 位小数</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a price in yuan</source>
        <translation>“{value}”不是以元为单位的单价</translation>
    </message>
    <message>
        <source>the price must be above 0</source>
        <translation>单价必须大于 0</translation>
    </message>
    <message>
        <source>a price is at most 1,000,000 yuan: look at the figure again</source>
        <translation>单价最多 1,000,000 元：请再核对一下数字</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a receipt number such as 2026-000001</source>
        <translation>“{value}”不是收据号，应如 2026-000001</translation>
    </message>
    <message>
        <source>enter the amount</source>
        <translation>请填写金额</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an amount in yuan such as 360 or 1,234.56</source>
        <translation>“{value}”不是金额，应如 360 或 1,234.56（元）</translation>
    </message>
    <message>
        <source>an amount has at most 2 decimals (fen)</source>
        <translation>金额最多 2 位小数（到分）</translation>
    </message>
    <message>
        <source>the amount must be above 0</source>
        <translation>金额必须大于 0</translation>
    </message>
    <message>
        <source>the amount must be below 1,000,000,000,000 yuan</source>
        <translation>金额必须小于 1,000,000,000,000 元</translation>
    </message>
    <message>
        <source>say from which date it applies</source>
        <translation>请填写生效日期</translation>
    </message>
    <message>
        <source>choose at least one kind of room it applies to</source>
        <translation>请至少选择一种适用房屋</translation>
    </message>
    <message>
        <source>give the percent, or untick the reduction</source>
        <translation>请填写比例，或取消勾选这项减免</translation>
    </message>
    <message>
        <source>say why the receipt is voided</source>
        <translation>请填写作废原因</translation>
    </message>
    <message>
        <source>choose the fee item to reduce</source>
        <translation>请选择要减免的收费项目</translation>
    </message>
    <message>
        <source>that room is no longer on file</source>
        <translation>该房屋已不存在</translation>
    </message>
    <message>
        <source>the billing run was cancelled: nothing was billed</source>
        <translation>开账已取消，没有生成任何费用</translation>
    </message>
    <message>
        <source>there is no fee item named {name}</source>
        <translation>没有名为“{name}”的收费项目</translation>
    </message>
    <message>
        <source>that fee item is no longer on file</source>
        <translation>该收费项目已不存在</translation>
    </message>
    <message>
        <source>a fee item named {name} exists</source>
        <translation>已有名为“{name}”的收费项目</translation>
    </message>
    <message>
        <source>{item} is charged by closing repair orders the owner pays, never by price</source>
        <translation>{item}在关闭业主付费的报修工单时计收，不按单价开账</translation>
    </message>
    <message>
        <source>{item} is already charged for {month}: a new price can start from {next} at the earliest</source>
        <translation>{item}已开账到 {month}：新单价最早从 {next} 起生效</translation>
    </message>
    <message>
        <source>{item} already has a price from {date}</source>
        <translation>{item}已有 {date} 起生效的单价</translation>
    </message>
    <message>
        <source>{item} is already charged for {month}: it can stop from {next} at the earliest</source>
        <translation>{item}已开账到 {month}：最早从 {next} 起停收</translation>
    </message>
    <message>
        <source>a fee item needs a name</source>
        <translation>请填写收费项目名称</translation>
    </message>
    <message>
        <source>a fee item&apos;s name has at most 40 characters</source>
        <translation>收费项目名称最多 40 个字</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a kind of fee item</source>
        <translation>“{value}”不是有效的计费方式</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a room use (residential, shop, garage)</source>
        <translation>“{value}”不是房屋用途（应为住宅、商铺或车库）</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a percent above 0 and at most 100 (2 decimals at most)</source>
        <translation>“{value}”不是有效的比例：应大于 0、不超过 100，最多 2 位小数</translation>
    </message>
    <message>
        <source>reminders stay polite: this wording may not be printed on them (Civil Code art. 944)</source>
        <translation>催缴通知单用语须文明，不能印此类措辞（《民法典》第九百四十四条）：请修改</translation>
    </message>
    <message>
        <source>a transfer, WeChat or Alipay payment needs its reference number</source>
        <translation>银行转账、微信或支付宝付款请填写交易单号</translation>
    </message>
    <message>
        <source>the payment date {date} is in the future</source>
        <translation>收款日期 {date} 晚于今天</translation>
    </message>
    <message>
        <source>the payment date {date} is before {earliest}</source>
        <translation>收款日期 {date} 早于 {earliest}</translation>
    </message>
    <message>
        <source>a ticked line is already paid: look again</source>
        <translation>勾选的费用中有已缴的，请重新核对</translation>
    </message>
    <message>
        <source>the void date {date} is in the future</source>
        <translation>作废日期 {date} 晚于今天</translation>
    </message>
    <message>
        <source>there is no receipt {number}</source>
        <translation>没有收据 {number}</translation>
    </message>
    <message>
        <source>receipt {number} was paid on {paid}: void it on or after that day</source>
        <translation>收据 {number} 的收款日期是 {paid}：作废日期不能早于这一天</translation>
    </message>
    <message>
        <source>receipt {number} is already void</source>
        <translation>收据 {number} 已经作废</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a payment method (cash, transfer, wechat, alipay)</source>
        <translation>“{value}”不是付款方式（应为现金、银行转账、微信或支付宝）</translation>
    </message>
    <message>
        <source>give a percent or an amount, not both</source>
        <translation>比例和金额只需填一项</translation>
    </message>
    <message>
        <source>give a percent or an amount</source>
        <translation>请填写比例或金额</translation>
    </message>
    <message>
        <source>say why the fee is reduced</source>
        <translation>请填写减免原因</translation>
    </message>
    <message>
        <source>name who approved the reduction</source>
        <translation>请填写批准人</translation>
    </message>
    <message>
        <source>nothing to reduce: those months are not billed yet, or already paid in full</source>
        <translation>没有可减免的费用：这些月份尚未开账或已缴清</translation>
    </message>
    <message>
        <source>the record of what charges owe was changed outside the program, so nothing was posted: run the file check</source>
        <translation>欠费记录在本程序以外被改动过，本次未入账：请先检查数据文件</translation>
    </message>
    <message>
        <source>a committee has 5 to 11 seats, an odd number</source>
        <translation>业主委员会应选名额为 5 至 11 名，且须为单数</translation>
    </message>
    <message>
        <source>only an election has seats</source>
        <translation>只有选举才设应选名额</translation>
    </message>
    <message>
        <source>the objection threshold is a share above 0 and at most 1</source>
        <translation>否决比例应大于 0 且不超过 1</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a ballot serial (like 12-00345-7)</source>
        <translation>“{value}”不是票号，应如 12-00345-7</translation>
    </message>
    <message>
        <source>serial &apos;{value}&apos; is mistyped: its last character does not match</source>
        <translation>票号“{value}”有误：最后一位校验码不符</translation>
    </message>
    <message>
        <source>enter the ballot&apos;s answer</source>
        <translation>请填写表决意见</translation>
    </message>
    <message>
        <source>unknown answer &apos;{value}&apos; (yes, no, abstain or spoiled)</source>
        <translation>无法识别的表决意见“{value}”（应为同意、反对、弃权或废票）</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a share (like 1/3 or 25%)</source>
        <translation>“{value}”不是比例，应如 1/3 或 25%</translation>
    </message>
    <message>
        <source>say why the ballot is voided</source>
        <translation>请填写作废原因</translation>
    </message>
    <message>
        <source>line {line}: {message}</source>
        <translation>第 {line} 行：{message}</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a candidate&apos;s number</source>
        <translation>“{value}”不是候选人序号</translation>
    </message>
    <message>
        <source>there is no candidate {number} (1 to {count})</source>
        <translation>没有 {number} 号候选人（应为 1 至 {count}）</translation>
    </message>
    <message>
        <source>candidate {number} is typed twice</source>
        <translation>{number} 号候选人输入了两次</translation>
    </message>
    <message>
        <source>enter the proxy&apos;s name</source>
        <translation>请填写委托代理人姓名</translation>
    </message>
    <message>
        <source>room {room} has no recorded owner on this vote&apos;s roll: it cannot vote until one is recorded in the households file and taken onto the roll</source>
        <translation>房屋 {room} 在本次表决的名册上没有登记业主：须先在房屋与住户档案中登记业主并补入名册，才能投票</translation>
    </message>
    <message>
        <source>the ballot of {name} (serial {serial}) is already entered: void it first to enter another</source>
        <translation>{name}（票号 {serial}）的选票已录入：如需重新录入，请先作废原记录</translation>
    </message>
    <message>
        <source>this vote does not ask for double entry</source>
        <translation>本次表决未要求双人录入</translation>
    </message>
    <message>
        <source>no ballot of {name} is entered yet: enter it first</source>
        <translation>{name}的选票尚未录入：请先完成第一次录入</translation>
    </message>
    <message>
        <source>{actor} entered this ballot: its second entry is another clerk&apos;s</source>
        <translation>此票由{actor}录入：第二次录入须由另一名工作人员进行</translation>
    </message>
    <message>
        <source>a motion&apos;s ballot has an answer, not candidates</source>
        <translation>表决票只填表决意见，不选候选人</translation>
    </message>
    <message>
        <source>an election&apos;s ballot marks candidates, not an answer</source>
        <translation>选举的选票只圈选候选人，不填表决意见</translation>
    </message>
    <message>
        <source>{name} is marked twice</source>
        <translation>{name}被圈选了两次</translation>
    </message>
    <message>
        <source>two candidates are named {name}: write {name}@room</source>
        <translation>有两位候选人都叫{name}：请写成 {name}@房号</translation>
    </message>
    <message>
        <source>{name} is not a candidate of this election</source>
        <translation>{name}不是本次选举的候选人</translation>
    </message>
    <message>
        <source>serial {serial} is a ballot of vote {other}, not of vote {vote}</source>
        <translation>票号 {serial} 属于第 {other} 号表决，不是第 {vote} 号表决的选票</translation>
    </message>
    <message>
        <source>no voter has serial {serial}</source>
        <translation>没有票号为 {serial} 的表决权人</translation>
    </message>
    <message>
        <source>room {room} is not on this vote&apos;s roll</source>
        <translation>房屋 {room} 不在本次表决的名册上</translation>
    </message>
    <message>
        <source>serial {serial} is not the ballot of the voter of room {room}</source>
        <translation>票号 {serial} 不是房屋 {room} 所属表决权人的选票</translation>
    </message>
    <message>
        <source>enter the ballot&apos;s serial or a room</source>
        <translation>请填写票号或房号</translation>
    </message>
    <message>
        <source>ballot {number} of the batch is refused</source>
        <translation>本批第 {number} 张选票未被接受</translation>
    </message>
    <message>
        <source>no ballot of serial {serial} is entered</source>
        <translation>票号 {serial} 的选票尚未录入</translation>
    </message>
    <message>
        <source>unknown value &apos;{value}&apos; ({names})</source>
        <translation>无法识别的值“{value}”（应为 {names}）</translation>
    </message>
    <message>
        <source>non-voters follow the majority (从众) only in an ordinary or a major matter</source>
        <translation>只有一般事项和重大事项才能设定未投票业主计入多数意见（从众）</translation>
    </message>
    <message>
        <source>only a vote by objection has an objection threshold</source>
        <translation>只有否定表决才设反对比例</translation>
    </message>
    <message>
        <source>enter the vote&apos;s title</source>
        <translation>请填写表决名称</translation>
    </message>
    <message>
        <source>the title is longer than {limit} characters</source>
        <translation>名称超过 {limit} 个字</translation>
    </message>
    <message>
        <source>the proxy limit is at least 1 ballot</source>
        <translation>每位委托代理人可代投的票数上限至少为 1 张</translation>
    </message>
    <message>
        <source>name the candidates</source>
        <translation>请填写候选人</translation>
    </message>
    <message>
        <source>only an election has candidates</source>
        <translation>只有选举才有候选人</translation>
    </message>
    <message>
        <source>there are no rooms on file: record the households first</source>
        <translation>档案中还没有房屋：请先登记房屋与住户</translation>
    </message>
    <message>
        <source>no room on file has a recorded owner: nobody could vote</source>
        <translation>档案中没有任何房屋登记了业主：无人可以投票</translation>
    </message>
    <message>
        <source>a candidate&apos;s name is empty</source>
        <translation>候选人姓名为空</translation>
    </message>
    <message>
        <source>{name} is named twice</source>
        <translation>{name}重复填写了</translation>
    </message>
    <message>
        <source>{name} is not an owner on the roll: a candidate must be one</source>
        <translation>{name}不是名册上的业主：候选人必须是业主</translation>
    </message>
    <message>
        <source>{count} owners are named {name}: write the room too, like {example}</source>
        <translation>有 {count} 位业主叫{name}：请同时写上房号，如 {example}</translation>
    </message>
    <message>
        <source>there is no vote {vote}</source>
        <translation>没有第 {vote} 号表决</translation>
    </message>
    <message>
        <source>vote {vote} is closed: nothing more can be entered</source>
        <translation>第 {vote} 号表决已结束：不能再录入</translation>
    </message>
    <message>
        <source>the counts recorded were {issued} issued and {found} found: say why they are corrected</source>
        <translation>已录入的票数为发出 {issued} 张、收回 {found} 张：更正时请写明原因</translation>
    </message>
    <message>
        <source>a count cannot be negative</source>
        <translation>票数不能为负数</translation>
    </message>
    <message>
        <source>{count} ballots issued, but only {voters} voters can vote</source>
        <translation>发出 {count} 张选票，但可以投票的只有 {voters} 人</translation>
    </message>
    <message>
        <source>room {room} had an owner on the roll already</source>
        <translation>房屋 {room} 在名册上已有业主</translation>
    </message>
    <message>
        <source>room {room} still has no recorded owner: record one in the households file</source>
        <translation>房屋 {room} 仍未登记业主：请先在房屋与住户档案中登记</translation>
    </message>
    <message>
        <source>{name}, the owner now recorded for room {room}, already votes on this roll (serial {serial}): one owner is one voter, and a frozen roll takes no room into their vote</source>
        <translation>房屋 {room} 现登记的业主{name}已在本次表决名册上（票号 {serial}）：一位业主只算一个表决权人，名册已冻结，不能再把这套房屋并入其表决权</translation>
    </message>
    <message>
        <source>the same voter&apos;s ballot is on row {row} already</source>
        <translation>同一表决权人的选票已在第 {row} 行</translation>
    </message>
    <message>
        <source>a voter roll is frozen from the households file, never imported</source>
        <translation>表决权人名册只能从房屋与住户档案冻结生成，不能导入</translation>
    </message>
    <message>
        <source>double entry is not finished: {unchecked} ballots without a second entry, {differing} entered differently{serials}</source>
        <translation>双人录入尚未完成：{unchecked} 张选票还没有第二次录入，{differing} 张两次录入不一致{serials}</translation>
    </message>
    <message>
        <source>enter the count</source>
        <translation>请填写票数</translation>
    </message>
    <message>
        <source>{day} is not in {year}</source>
        <translation>{day} 不在 {year} 年内</translation>
    </message>
    <message>
        <source>{day} is given both as a holiday and as a working day</source>
        <translation>{day} 同时被填为休息日和工作日</translation>
    </message>
    <message>
        <source>an order that is {state} cannot take a {step} step</source>
        <translation>状态为“{state}”的工单不能执行“{step}”</translation>
    </message>
    <message>
        <source>a return visit comes after the work is done: the order is {state}</source>
        <translation>完工后才能回访：工单当前状态为“{state}”</translation>
    </message>
    <message>
        <source>an order is closed once its work is done: the order is {state}</source>
        <translation>完工后才能关闭工单：工单当前状态为“{state}”</translation>
    </message>
    <message>
        <source>the work is done after someone started it on site: the order is {state}</source>
        <translation>须先到场开始维修才能完工：工单当前状态为“{state}”</translation>
    </message>
    <message>
        <source>dispatch the order to a worker before the work starts</source>
        <translation>开始维修前请先派工</translation>
    </message>
    <message>
        <source>the order is {state}: it takes only notes</source>
        <translation>工单当前状态为“{state}”：只能添加备注</translation>
    </message>
    <message>
        <source>{step} at {at} is before the order was received at {received}</source>
        <translation>{step}时间 {at} 早于工单受理时间 {received}</translation>
    </message>
    <message>
        <source>{step} at {at} is before the order&apos;s last step at {last}</source>
        <translation>{step}时间 {at} 早于工单上一步的时间 {last}</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a time such as 2026-10-01 09:30</source>
        <translation>“{value}”不是 2026-10-01 09:30 这样的时间</translation>
    </message>
    <message>
        <source>{value} is not between the years {earliest} and {latest}</source>
        <translation>{value} 不在 {earliest} 年至 {latest} 年之间</translation>
    </message>
    <message>
        <source>choose the category</source>
        <translation>请选择类别</translation>
    </message>
    <message>
        <source>say what is wrong: the description is empty</source>
        <translation>请填写报修内容</translation>
    </message>
    <message>
        <source>choose the room the work is in</source>
        <translation>请选择维修所在的房屋</translation>
    </message>
    <message>
        <source>choose the caller&apos;s room, or say who called</source>
        <translation>请选择报修人所在的房屋，或填写报修人</translation>
    </message>
    <message>
        <source>give the caller&apos;s name or phone</source>
        <translation>请填写报修人的姓名或电话</translation>
    </message>
    <message>
        <source>say where the work is</source>
        <translation>请填写具体位置</translation>
    </message>
    <message>
        <source>choose the area inspected</source>
        <translation>请选择所检查的区域</translation>
    </message>
    <message>
        <source>not a picture that can be read: {names}</source>
        <translation>不是能读取的图片：{names}</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; cannot be a category&apos;s key: use lower-case letters, digits and hyphens</source>
        <translation>“{key}”不能作类别代码：请用小写字母、数字和连字符</translation>
    </message>
    <message>
        <source>{value} is outside {low} to {high}</source>
        <translation>{value} 超出 {low}–{high} 的范围</translation>
    </message>
    <message>
        <source>name the category {key}</source>
        <translation>请填写类别 {key} 的名称</translation>
    </message>
    <message>
        <source>another category has the key {key}</source>
        <translation>已有类别使用代码 {key}</translation>
    </message>
    <message>
        <source>the category {key} needs a time limit</source>
        <translation>类别 {key} 需要设定时限</translation>
    </message>
    <message>
        <source>name the worker it goes to</source>
        <translation>请填写派给哪位维修人员</translation>
    </message>
    <message>
        <source>say what was done</source>
        <translation>请填写处理情况</translation>
    </message>
    <message>
        <source>give the reason</source>
        <translation>请填写原因</translation>
    </message>
    <message>
        <source>the note is empty</source>
        <translation>备注不能为空</translation>
    </message>
    <message>
        <source>give a whole number of minutes or working days, not &apos;{value}&apos;</source>
        <translation>请填写整数分钟或工作日，而不是“{value}”</translation>
    </message>
    <message>
        <source>give a whole number of minutes, not &apos;{value}&apos;</source>
        <translation>请填写整数分钟，而不是“{value}”</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a time of day such as 22:00</source>
        <translation>“{value}”不是 22:00 这样的时刻</translation>
    </message>
    <message>
        <source>name the facility</source>
        <translation>请填写设备名称</translation>
    </message>
    <message>
        <source>upkeep comes every 1 to 120 months, not &apos;{value}&apos;</source>
        <translation>保养周期应为 1–120 个月，而不是“{value}”</translation>
    </message>
    <message>
        <source>the warranty ends on {end}, before it was installed on {start}</source>
        <translation>保修截止日 {end} 早于安装日期 {start}</translation>
    </message>
    <message>
        <source>the last upkeep on {day} is before it was installed on {start}</source>
        <translation>上次保养日期 {day} 早于安装日期 {start}</translation>
    </message>
    <message>
        <source>the last upkeep on {day} is in the future</source>
        <translation>上次保养日期 {day} 还没到</translation>
    </message>
    <message>
        <source>the register has {name} at {location} already</source>
        <translation>台账中已有位于{location}的{name}</translation>
    </message>
    <message>
        <source>the facility is no longer in the register</source>
        <translation>该设备已不在台账中</translation>
    </message>
    <message>
        <source>no room has the code {code}</source>
        <translation>没有房号为 {code} 的房屋</translation>
    </message>
    <message>
        <source>no building is called {name}</source>
        <translation>没有名为 {name} 的楼栋</translation>
    </message>
    <message>
        <source>building {building} has no unit {unit}</source>
        <translation>楼栋 {building} 没有 {unit} 单元</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not one of {known}</source>
        <translation>“{value}”不在可选值之中：{known}</translation>
    </message>
    <message>
        <source>choose the stairwell&apos;s building</source>
        <translation>请选择楼道所在的楼栋</translation>
    </message>
    <message>
        <source>choose a facility from the register</source>
        <translation>请从设备台账中选择设备</translation>
    </message>
    <message>
        <source>the order is received at {at}, which is in the future</source>
        <translation>受理时间 {at} 晚于当前时间</translation>
    </message>
    <message>
        <source>no repair order has the number {number}</source>
        <translation>没有单号为 {number} 的报修工单</translation>
    </message>
    <message>
        <source>no vote has the number {number}</source>
        <translation>没有第 {number} 号表决</translation>
    </message>
    <message>
        <source>vote {number} decides no spending: link the motion that approved it</source>
        <translation>表决 {number} 不是使用资金的决定：请关联批准这笔支出的表决事项</translation>
    </message>
    <message>
        <source>vote {number} is still open: the fund&apos;s spending is not approved yet</source>
        <translation>第 {number} 号表决尚未结束：动用维修资金还没有获得批准</translation>
    </message>
    <message>
        <source>vote {number} did not pass: it approved no spending of the fund</source>
        <translation>表决 {number} 未通过：没有批准使用维修资金</translation>
    </message>
    <message>
        <source>the maintenance fund pays without an owners&apos; decision: link the vote that approved it, or mark it as emergency use</source>
        <translation>动用维修资金须经业主表决：请关联批准的表决，或标为应急使用</translation>
    </message>
    <message>
        <source>the owner pays, but the order names no room: nothing was charged</source>
        <translation>费用由业主承担，但工单没有关联房屋：未计费</translation>
    </message>
    <message>
        <source>{name} is not a picture</source>
        <translation>{name} 不是图片</translation>
    </message>
    <message>
        <source>the photo is no longer in the file</source>
        <translation>该照片已不在数据文件中</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a category; the categories are {known}</source>
        <translation>“{value}”不是类别代码；现有类别：{known}</translation>
    </message>
    <message>
        <source>the built-in category {key} cannot be removed</source>
        <translation>内置类别 {key} 不能删除</translation>
    </message>
    <message>
        <source>the category {key} has {count} orders: it cannot be removed</source>
        <translation>类别 {key} 下已有 {count} 张工单，不能删除</translation>
    </message>
    <message>
        <source>no arrangement of {year} was entered</source>
        <translation>尚未录入 {year} 年的节假日安排</translation>
    </message>
    <message>
        <source>{year} is in the statutory calendar already: the office&apos;s table is for later years</source>
        <translation>{year} 年已有法定节假日安排：本处录入的节假日安排只用于以后的年份</translation>
    </message>
    <message>
        <source>row {row}: &apos;{value}&apos; is not a date such as 2027-10-01</source>
        <translation>第 {row} 行：“{value}”不是 2027-10-01 这样的日期</translation>
    </message>
    <message>
        <source>row {row}: say whether {day} is a holiday or a working day (休 or 班)</source>
        <translation>第 {row} 行：请注明 {day} 是放假还是上班（休或班）</translation>
    </message>
    <message>
        <source>the file lists no day</source>
        <translation>文件中没有任何日期</translation>
    </message>
    <message>
        <source>a month has no day {day}: give a day from 1 to 31</source>
        <translation>一个月没有第 {day} 日：请填 1 到 31 之间的日子</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a frequency: write 2/day, day, mon,thu, 2/week, 3days, month:15, 2months or year</source>
        <translation>“{value}”不是有效的频次：可写 2/day、day、mon,thu、2/week、3days、month:15、2months 或 year</translation>
    </message>
    <message>
        <source>&apos;{value}&apos;: the number must be from 1 to {highest}</source>
        <translation>“{value}”：次数或间隔须在 1 到 {highest} 之间</translation>
    </message>
    <message>
        <source>the leave ends on {last}, before it starts on {first}</source>
        <translation>请假结束日 {last} 早于开始日 {first}</translation>
    </message>
    <message>
        <source>minutes of work a day must be from 1 to 1440, not {value}</source>
        <translation>每天工作分钟数须在 1 到 1440 之间，不能是 {value}</translation>
    </message>
    <message>
        <source>a cleaner needs at least one working day a week</source>
        <translation>保洁员每周至少要有一个工作日</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a weekday: write mon, tue, wed, thu, fri, sat or sun</source>
        <translation>“{value}”不是星期几：可写 mon、tue、wed、thu、fri、sat 或 sun</translation>
    </message>
    <message>
        <source>a score is a whole number from 0 to 100, not &apos;{value}&apos;</source>
        <translation>得分应为 0 到 100 的整数，不能是“{value}”</translation>
    </message>
    <message>
        <source>a band is 0 to 100 percent, not {value}</source>
        <translation>比例应为 0% 到 100%，不能是 {value}</translation>
    </message>
    <message>
        <source>the top {top}% and the bottom {bottom}% overlap: together at most 100%</source>
        <translation>前 {top}% 与后 {bottom}% 重叠：两者合计不能超过 100%</translation>
    </message>
    <message>
        <source>say what is done</source>
        <translation>请填写保洁内容</translation>
    </message>
    <message>
        <source>tick the weekdays the task comes on</source>
        <translation>请勾选任务在每周哪几天进行</translation>
    </message>
    <message>
        <source>points off are a whole number, not &apos;{value}&apos;</source>
        <translation>扣分应为整数，不能是“{value}”</translation>
    </message>
    <message>
        <source>the area is no longer in use</source>
        <translation>该区域已不再使用</translation>
    </message>
    <message>
        <source>there is no area named &apos;{name}&apos;: see cleaning areas</source>
        <translation>没有名为“{name}”的区域：请查看保洁区域列表</translation>
    </message>
    <message>
        <source>name the area</source>
        <translation>请填写区域名称</translation>
    </message>
    <message>
        <source>an area named &apos;{name}&apos; exists already</source>
        <translation>已有名为“{name}”的区域</translation>
    </message>
    <message>
        <source>stairwells come from the households file: add the building&apos;s rooms</source>
        <translation>楼道来自房屋档案：请先登记该楼栋的房屋</translation>
    </message>
    <message>
        <source>the cleaner is no longer on the team</source>
        <translation>该保洁员已不在保洁队伍中</translation>
    </message>
    <message>
        <source>the task is no longer in use</source>
        <translation>该任务已停用</translation>
    </message>
    <message>
        <source>minutes must be a whole number above 0, not &apos;{value}&apos;</source>
        <translation>时长应为大于 0 的整数（分钟），不能是“{value}”</translation>
    </message>
    <message>
        <source>{value} minutes is more than a day&apos;s {highest}</source>
        <translation>{value} 分钟超过了一天的 {highest} 分钟</translation>
    </message>
    <message>
        <source>{day} is not in {month}: choose a day of that month</source>
        <translation>{day}不在{month}：请选择该月中的日期</translation>
    </message>
    <message>
        <source>{day} is {name}&apos;s day off</source>
        <translation>{day}是{name}的休息日</translation>
    </message>
    <message>
        <source>{name} is on leave on {day}: there is no task sheet to print</source>
        <translation>{name}在{day}请假：没有任务单可打印</translation>
    </message>
    <message>
        <source>{name} has no tasks on {day}</source>
        <translation>{name}在{day}没有任务</translation>
    </message>
    <message>
        <source>{name} has no tasks in {month}</source>
        <translation>{name}在{month}没有任务</translation>
    </message>
    <message>
        <source>no cleaner has tasks on {day}</source>
        <translation>{day}没有保洁员有任务</translation>
    </message>
    <message>
        <source>the rota of {month} gives no one any task: add cleaners and tasks first</source>
        <translation>{month}的排班表没有给任何人安排任务：请先添加保洁员和任务</translation>
    </message>
    <message>
        <source>choose a day of the week</source>
        <translation>请选择星期几</translation>
    </message>
    <message>
        <source>say what is wrong</source>
        <translation>请填写扣分项内容</translation>
    </message>
    <message>
        <source>&apos;{item}&apos; is listed twice</source>
        <translation>“{item}”重复列出</translation>
    </message>
    <message>
        <source>points off are from 1 to 100, not {value}</source>
        <translation>扣分应为 1 到 100，不能是 {value}</translation>
    </message>
    <message>
        <source>give a date such as 2026-12-01</source>
        <translation>请填写日期，如 2026-12-01</translation>
    </message>
    <message>
        <source>&apos;{item}&apos; is not on the checklist</source>
        <translation>“{item}”不在检查扣分表中</translation>
    </message>
    <message>
        <source>the photo is no longer kept</source>
        <translation>该照片已不存在</translation>
    </message>
    <message>
        <source>the inspection is no longer kept</source>
        <translation>该检查记录已不存在</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a month such as 2026-12</source>
        <translation>“{value}”不是月份，应如 2026-12</translation>
    </message>
    <message>
        <source>the rota of {month} was re-planned after later changes ({count} slots): see and accept them first</source>
        <translation>{month}的排班表因之后的变动已重排（{count} 处）：请先查看并确认这些变动</translation>
    </message>
    <message>
        <source>that task does not come on that day</source>
        <translation>该任务在当天没有安排</translation>
    </message>
    <message>
        <source>{name} would work {total} minutes on {day}, more than their {limit} a day</source>
        <translation>{name}在{day}将工作 {total} 分钟，超过其每天 {limit} 分钟</translation>
    </message>
    <message>
        <source>{name} left the team on {day}</source>
        <translation>{name}已于{day}离开保洁队伍</translation>
    </message>
    <message>
        <source>{name} is on leave from {first} to {last}</source>
        <translation>{name}在{first}至{last}请假</translation>
    </message>
    <message>
        <source>there is no cleaner named &apos;{name}&apos; on the team</source>
        <translation>保洁队伍中没有名为“{name}”的保洁员</translation>
    </message>
    <message>
        <source>name the cleaner</source>
        <translation>请填写保洁员姓名</translation>
    </message>
    <message>
        <source>a cleaner named &apos;{name}&apos; is on the team already: tell them apart</source>
        <translation>保洁队伍中已有名为“{name}”的保洁员：请加以区分</translation>
    </message>
    <message>
        <source>{name} is still responsible for these areas: {areas}; name another cleaner for them first</source>
        <translation>{name}仍是以下区域的责任人：{areas}；请先为这些区域指定其他责任人</translation>
    </message>
    <message>
        <source>{name} is already on leave from {first} to {last}</source>
        <translation>{name}已在{first}至{last}请假</translation>
    </message>
    <message>
        <source>that leave is no longer entered</source>
        <translation>该请假记录已不存在</translation>
    </message>
</context>
<context>
    <name>places</name>
    <message>
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <source>Building {name}</source>
        <translation>{name}号楼</translation>
    </message>
    <message>
        <source>Unit {name}</source>
        <translation>{name}单元</translation>
    </message>
</context>
<context>
    <name>repair_register</name>
    <message>
        <source>{date} (ended)</source>
        <translation>{date}（已过保）</translation>
    </message>
    <message>
        <source>{date} ({days} days left)</source>
        <translation>{date}（还剩{days}天）</translation>
    </message>
    <message>
        <source>every {months} months</source>
        <translation>每{months}个月</translation>
    </message>
    <message>
        <source>{date} (overdue {days} days)</source>
        <translation>{date}（逾期{days}天）</translation>
    </message>
    <message>
        <source>{date} (today)</source>
        <translation>{date}（今天）</translation>
    </message>
    <message>
        <source>{date} (in {days} days)</source>
        <translation>{date}（{days}天后）</translation>
    </message>
    <message>
        <source>{orders} ({open} open)</source>
        <translation>{orders}（未结 {open}）</translation>
    </message>
    <message>
        <source>{count} facilities, {due} due for upkeep within 30 days</source>
        <translation>设备 {count} 台，30天内到期保养 {due} 台</translation>
    </message>
    <message>
        <source>Make upkeep orders</source>
        <translation>生成保养工单</translation>
    </message>
    <message>
        <source>Make upkeep orders for the {count} ticked</source>
        <translation>为勾选的 {count} 台生成保养工单</translation>
    </message>
    <message>
        <source>Make upkeep orders for all {count}</source>
        <translation>为全部 {count} 台生成保养工单</translation>
    </message>
    <message>
        <source>{count} upkeep orders were made; they are on the daily board.</source>
        <translation>已生成 {count} 张保养工单，见日清日审。</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source>{hours} hours</source>
        <translation>{hours} 小时</translation>
    </message>
    <message>
        <source>target {sign} {percent}%</source>
        <translation>目标 {sign} {percent}%</translation>
    </message>
    <message>
        <source>besides {count} cancelled</source>
        <translation>另有 {count} 张已取消</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>工单数</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>及时率</translation>
    </message>
    <message>
        <source>{on_time} of {judged} orders judged met every deadline</source>
        <translation>已评判 {judged} 张中按时 {on_time} 张</translation>
    </message>
    <message>
        <source>Return visits</source>
        <translation>回访率</translation>
    </message>
    <message>
        <source>{visited} of {done} orders done had a return visit</source>
        <translation>已完工 {done} 张中回访 {visited} 张</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意率</translation>
    </message>
    <message>
        <source>{satisfied} of {visits} visits found the owner satisfied</source>
        <translation>回访 {visits} 次中满意 {satisfied} 次</translation>
    </message>
    <message>
        <source>Rework</source>
        <translation>返修率</translation>
    </message>
    <message>
        <source>{reworked} of {done} orders done were reopened</source>
        <translation>已完工 {done} 张中返修 {reworked} 张</translation>
    </message>
    <message>
        <source>Average time to done</source>
        <translation>平均完成用时</translation>
    </message>
    <message>
        <source>from received to done, over {done} orders</source>
        <translation>自受理至完工，共 {done} 张</translation>
    </message>
    <message>
        <source>✗ off target</source>
        <translation>✗ 未达标</translation>
    </message>
    <message>
        <source>✓ on target</source>
        <translation>✓ 达标</translation>
    </message>
    <message>
        <source>{month}: {orders} orders, {rate} on time</source>
        <translation>{month}：工单 {orders} 张，及时率 {rate}</translation>
    </message>
    <message>
        <source>On-time rate by month, {span}</source>
        <translation>各月及时率（{span}）</translation>
    </message>
    <message>
        <source>Orders by month and category, {span}</source>
        <translation>各月工单数（按类别，{span}）</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>By 24:00 the same day</source>
        <translation>当天24点前</translation>
    </message>
    <message>
        <source>Before night</source>
        <translation>不过夜</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>{minutes} minutes</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <source>by 24:00 the same day</source>
        <translation>当天24点前</translation>
    </message>
    <message>
        <source>before {time}</source>
        <translation>{time} 前</translation>
    </message>
    <message>
        <source>{days} working days</source>
        <translation>{days} 个工作日</translation>
    </message>
    <message>
        <source>on site: {limit}</source>
        <translation>到场：{limit}</translation>
    </message>
    <message>
        <source>done: {limit}</source>
        <translation>完成：{limit}</translation>
    </message>
    <message>
        <source>The statutory holiday calendar is not available.</source>
        <translation>法定节假日日历不可用。</translation>
    </message>
    <message>
        <source>The statutory holiday calendar (the State Council&apos;s) is known for {first}–{last}.</source>
        <translation>已收录 {first}–{last} 年的法定节假日安排（国务院公布）。</translation>
    </message>
    <message>
        <source>The office entered: {years}.</source>
        <translation>本处已录入：{years} 年。</translation>
    </message>
    <message>
        <source>A later year not entered here counts weekends only (public holidays left out), and every deadline in it says so.</source>
        <translation>以后的年份若未在此录入，只按周末推算（未含法定节假日），该年的每个时限都会注明。</translation>
    </message>
    <message>
        <source>{year} is in the statutory calendar: nothing to enter.</source>
        <translation>{year} 年已有法定安排，无需录入。</translation>
    </message>
    <message>
        <source>{year} is not entered: its deadlines count weekends only.</source>
        <translation>{year} 年未录入：时限只按周末推算。</translation>
    </message>
    <message>
        <source>{year}: {holidays} holidays and {working} working weekend days entered by the office.</source>
        <translation>{year} 年：本处已录入放假 {holidays} 天、调休上班 {working} 天。</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Working day</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>放假</translation>
    </message>
</context>
<context>
    <name>repairs</name>
    <message>
        <source>Received</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>已派工</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完工</translation>
    </message>
    <message>
        <source>Visited</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>报修</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Enquiry</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>来访</translation>
    </message>
    <message>
        <source>Patrol</source>
        <translation>巡查发现</translation>
    </message>
    <message>
        <source>Owners&apos; group chat</source>
        <translation>业主群</translation>
    </message>
    <message>
        <source>Complaint box</source>
        <translation>意见箱</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>急修</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>The room</source>
        <translation>该房屋</translation>
    </message>
    <message>
        <source>Stairwell</source>
        <translation>楼道</translation>
    </message>
    <message>
        <source>Roof</source>
        <translation>屋面</translation>
    </message>
    <message>
        <source>Drainage</source>
        <translation>排水管道</translation>
    </message>
    <message>
        <source>Road</source>
        <translation>道路</translation>
    </message>
    <message>
        <source>Public lighting</source>
        <translation>公共照明</translation>
    </message>
    <message>
        <source>Door access / intercom</source>
        <translation>门禁对讲</translation>
    </message>
    <message>
        <source>Water pump</source>
        <translation>水泵</translation>
    </message>
    <message>
        <source>Fire equipment</source>
        <translation>消防设施</translation>
    </message>
    <message>
        <source>A facility of the register</source>
        <translation>设备台账中的设备</translation>
    </message>
    <message>
        <source>Elsewhere (say where)</source>
        <translation>其他位置（请注明）</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <source>Estate budget</source>
        <translation>小区经费</translation>
    </message>
    <message>
        <source>Maintenance fund</source>
        <translation>维修资金</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>到场</translation>
    </message>
    <message>
        <source>Work done</source>
        <translation>完工</translation>
    </message>
    <message>
        <source>Return visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Follow-up note</source>
        <translation>跟进备注</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>[Emergency] {category}</source>
        <translation>【急】{category}</translation>
    </message>
    <message>
        <source>Water</source>
        <translation>水路维修</translation>
    </message>
    <message>
        <source>Electricity</source>
        <translation>电路维修</translation>
    </message>
    <message>
        <source>Public glass, doors and lights</source>
        <translation>公共区域玻璃门窗灯具</translation>
    </message>
    <message>
        <source>Other common parts</source>
        <translation>其他公共部位</translation>
    </message>
    <message>
        <source>Inside a home</source>
        <translation>户内维修</translation>
    </message>
    <message>
        <source>Neighbour complaint (noise, smell)</source>
        <translation>邻里投诉（噪音异味）</translation>
    </message>
    <message>
        <source>Other complaint</source>
        <translation>其他投诉</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>按时</translation>
    </message>
    <message>
        <source>late</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>{days} d {hours} h</source>
        <translation>{days}天{hours}小时</translation>
    </message>
    <message>
        <source>{days} d</source>
        <translation>{days}天</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours}小时{minutes}分</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours}小时</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes}分钟</translation>
    </message>
    <message>
        <source>{time} left</source>
        <translation>剩余{time}</translation>
    </message>
    <message>
        <source>overdue {time}</source>
        <translation>已超时{time}</translation>
    </message>
    <message>
        <source>done late by {time}</source>
        <translation>超时完成 {time}</translation>
    </message>
    <message>
        <source>on site late by {time}</source>
        <translation>超时到场 {time}</translation>
    </message>
    <message>
        <source>no time limit</source>
        <translation>无时限</translation>
    </message>
    <message>
        <source>The dates are the wrong way round: from {start} is later than to {end}. Swap them.</source>
        <translation>日期范围颠倒了：起始日 {start} 晚于截止日 {end}，请对调。</translation>
    </message>
    <message>
        <source>late by {time}</source>
        <translation>超时{time}</translation>
    </message>
    <message>
        <source>Counted with weekends only: the holidays of that year are not known yet (enter them in the holiday table)</source>
        <translation>仅按周末推算（未含法定节假日）：该年的节假日安排尚未录入（请在“时限与节假日”中录入）</translation>
    </message>
    <message>
        <source>Counted with the holiday table the office entered</source>
        <translation>按本处录入的节假日安排推算</translation>
    </message>
    <message>
        <source>{count} open</source>
        <translation>未结 {count} 张</translation>
    </message>
    <message>
        <source>{count} overdue</source>
        <translation>已超时 {count} 张</translation>
    </message>
    <message>
        <source>{count} due today</source>
        <translation>今日到期 {count} 张</translation>
    </message>
    <message>
        <source>{open} open orders, {overdue} overdue, {today} due today</source>
        <translation>未结工单 {open} 张，已超时 {overdue} 张，今日到期 {today} 张</translation>
    </message>
    <message>
        <source>No open order. Press F2 to take a new call.</source>
        <translation>没有未结工单。按 F2 受理新报修。</translation>
    </message>
    <message>
        <source>No open order.</source>
        <translation>没有未结工单。</translation>
    </message>
    <message>
        <source>The newest {count} orders are shown: narrow the filters to see older ones</source>
        <translation>只显示最新的 {count} 张工单：缩小筛选范围可查看更早的工单</translation>
    </message>
    <message>
        <source>{count} orders</source>
        <translation>共 {count} 张工单</translation>
    </message>
    <message>
        <source>No order matches these filters.</source>
        <translation>没有符合筛选条件的工单。</translation>
    </message>
    <message>
        <source>No order yet. Press F2 to take a new call.</source>
        <translation>还没有工单。按 F2 受理新报修。</translation>
    </message>
    <message>
        <source>No order yet.</source>
        <translation>还没有工单。</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>On site by {due}</source>
        <translation>{due} 前到场</translation>
    </message>
    <message>
        <source>Done by {due}</source>
        <translation>{due} 前完成</translation>
    </message>
    <message>
        <source>This category has no time limit.</source>
        <translation>该类别没有时限。</translation>
    </message>
    <message>
        <source>Order {number} was opened.</source>
        <translation>工单 {number} 已受理。</translation>
    </message>
    <message>
        <source>{amount} was charged to the fee account of {room}.</source>
        <translation>已将 {amount} 计入 {room} 的房屋账户。</translation>
    </message>
    <message>
        <source>The maintenance fund is spent only on an owners&apos; decision: choose the vote that approved it, or tick emergency use.</source>
        <translation>动用维修资金须经业主表决：请选择批准的表决，或勾选应急使用。</translation>
    </message>
    <message>
        <source>at {time}</source>
        <translation>于 {time}</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Rework done</source>
        <translation>返修完成</translation>
    </message>
    <message>
        <source>show</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>to {worker}</source>
        <translation>派给 {worker}</translation>
    </message>
    <message>
        <source>outside contractor</source>
        <translation>外包单位</translation>
    </message>
    <message>
        <source>materials: {materials}</source>
        <translation>材料：{materials}</translation>
    </message>
    <message>
        <source>materials {amount}</source>
        <translation>材料费 {amount}</translation>
    </message>
    <message>
        <source>labour {amount}</source>
        <translation>人工费 {amount}</translation>
    </message>
    <message>
        <source>paid by: {payer}</source>
        <translation>费用承担：{payer}</translation>
    </message>
    <message>
        <source>approved by vote #{number} {title}</source>
        <translation>经第 {number} 号表决批准 {title}</translation>
    </message>
    <message>
        <source>emergency use</source>
        <translation>应急使用</translation>
    </message>
    <message>
        <source>satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>not satisfied: the order is reopened (rework)</source>
        <translation>不满意：工单返修</translation>
    </message>
    <message>
        <source>called by {caller}</source>
        <translation>回访人：{caller}</translation>
    </message>
    <message>
        <source>{amount} charged to the room&apos;s fee account</source>
        <translation>{amount} 已计入房屋账户</translation>
    </message>
    <message>
        <source>reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <source>Order {number}</source>
        <translation>工单 {number}</translation>
    </message>
    <message>
        <source>reworked {count} times</source>
        <translation>返修 {count} 次</translation>
    </message>
    <message>
        <source>planned upkeep</source>
        <translation>计划保养</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>报修人</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>报修内容</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>维修人员</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>by {due}</source>
        <translation>{due} 前</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <source>Choose an order to see it as received, its deadlines and its steps.</source>
        <translation>选择一张工单，查看受理内容、时限和处理记录。</translation>
    </message>
    <message>
        <source>F2 takes a new call.</source>
        <translation>按 F2 受理新报修。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Last follow-up</source>
        <translation>最近跟进</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>The document was written to
{path}
but no program to show PDF files was found.</source>
        <translation>文件已保存到
{path}
但没有找到可以打开 PDF 文件的程序。</translation>
    </message>
    <message>
        <source>Daily review</source>
        <translation>日清日审</translation>
    </message>
    <message>
        <source>Follow-up on {number}:</source>
        <translation>跟进工单 {number}：</translation>
    </message>
    <message>
        <source>Writing the daily sheet…</source>
        <translation>正在生成日清日审表…</translation>
    </message>
    <message>
        <source>Facilities</source>
        <translation>设备台账</translation>
    </message>
    <message>
        <source>Monthly figures</source>
        <translation>月度统计</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png *.bmp *.webp);;All files (*)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.bmp *.webp);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Any worker</source>
        <translation>全部维修人员</translation>
    </message>
    <message>
        <source>No photo yet.</source>
        <translation>还没有照片。</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>{name} is kept with the order already</source>
        <translation>{name} 已在该工单的照片中</translation>
    </message>
    <message>
        <source>Writing the work order…</source>
        <translation>正在生成派工单…</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>新建工单</translation>
    </message>
</context>
<context>
    <name>rooms</name>
    <message>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>Area (m²)</source>
        <translation>面积（㎡）</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Owners</source>
        <translation>业主</translation>
    </message>
    <message>
        <source>Owner phones</source>
        <translation>业主电话</translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Tenant phones</source>
        <translation>租户电话</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Archived room</source>
        <translation>已归档的房屋</translation>
    </message>
</context>
<context>
    <name>tables</name>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Show all columns</source>
        <translation>显示全部列</translation>
    </message>
</context>
<context>
    <name>tabs</name>
    <message>
        <source>Households</source>
        <translation>房屋与住户档案</translation>
    </message>
    <message>
        <source>Repair log</source>
        <translation>报修台账</translation>
    </message>
    <message>
        <source>Fee ledger</source>
        <translation>收费台账</translation>
    </message>
    <message>
        <source>Cleaning schedule</source>
        <translation>保洁排班</translation>
    </message>
    <message>
        <source>Votes and elections</source>
        <translation>业主表决与选举</translation>
    </message>
    <message>
        <source>Reading the data file</source>
        <translation>读取数据文件</translation>
    </message>
</context>
<context>
    <name>votes</name>
    <message>
        <source>Scrutineers&apos; counts of vote {number}</source>
        <translation>第 {number} 号表决的监票人清点票数</translation>
    </message>
    <message>
        <source>Vote {number} “{title}”: {heads} voters on the roll, {ballots} ballots entered.</source>
        <translation>第 {number} 号表决“{title}”：名册上共 {heads} 名表决权人，已录入 {ballots} 张选票。</translation>
    </message>
    <message>
        <source>More ballots found than issued: the whole count will be void.</source>
        <translation>收回的选票多于发出的选票：本次计票将全部无效。</translation>
    </message>
    <message>
        <source>{found} ballots found but {issued} issued: the whole count will be void and no result announced. Record these counts?</source>
        <translation>收回 {found} 张，多于发出的 {issued} 张：本次计票将全部无效，不公布表决结果。确定按此录入吗？</translation>
    </message>
    <message>
        <source>New vote</source>
        <translation>新建表决</translation>
    </message>
    <message>
        <source>Void ballot {serial}</source>
        <translation>作废选票 {serial}</translation>
    </message>
    <message>
        <source>Ballot {serial} of {name} (rooms {rooms}): {answer}, entered by {actor} at {at}.</source>
        <translation>{name}（房号 {rooms}）的选票 {serial}：{answer}，由{actor}于 {at} 录入。</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>No</source>
        <translation>反对</translation>
    </message>
    <message>
        <source>Abstain</source>
        <translation>弃权</translation>
    </message>
    <message>
        <source>Spoiled</source>
        <translation>废票</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Closed {at}</source>
        <translation>已于 {at} 结束</translation>
    </message>
    <message>
        <source>Agrees</source>
        <translation>一致</translation>
    </message>
    <message>
        <source>Differs</source>
        <translation>不一致</translation>
    </message>
    <message>
        <source>(no candidate marked)</source>
        <translation>（未选任何候选人）</translation>
    </message>
    <message>
        <source>Void: spoiled</source>
        <translation>无效：废票</translation>
    </message>
    <message>
        <source>Void: {count} marked</source>
        <translation>无效：多选（{count} 人）</translation>
    </message>
    <message>
        <source>{count} votes, {open} open</source>
        <translation>共 {count} 项表决，{open} 项进行中</translation>
    </message>
    <message>
        <source>No vote yet. “New vote…” opens one: the roll of voters is frozen from the households file as it is at that moment.</source>
        <translation>还没有表决。用“新建表决…”发起一项：届时按房屋与住户档案当时的记录冻结表决权人名册。</translation>
    </message>
    <message>
        <source> and {count} more</source>
        <translation>，另有 {count} 户</translation>
    </message>
    <message>
        <source>{count} rooms have no recorded owner: they count in the totals (area and heads) but cannot vote until an owner is recorded: {rooms}</source>
        <translation>有 {count} 户房屋未登记业主：计入总面积和总人数，但在登记业主之前不能投票：{rooms}</translation>
    </message>
    <message>
        <source>Close vote {number} “{title}”? {ballots} ballots are entered. Once closed, no ballot can be entered, voided or counted again, and the scrutineers&apos; counts cannot change.</source>
        <translation>结束第 {number} 号表决“{title}”吗？已录入 {ballots} 张选票。结束后不能再录入、作废选票或重新计票，监票人清点的票数也不能再修改。</translation>
    </message>
    <message>
        <source>

The scrutineers have not recorded the ballots issued and found: closed without them, the result notice will say so for good.</source>
        <translation>

监票人尚未录入发出和收回的选票张数：未录入即结束表决，结果公告将始终注明这一点。</translation>
    </message>
    <message>
        <source>Vote {number} is closed with {ballots} ballots.</source>
        <translation>第 {number} 号表决已结束，共 {ballots} 张选票。</translation>
    </message>
    <message>
        <source>At least 2/3 of area and heads (Civil Code art. 278)</source>
        <translation>面积和人数均不少于三分之二（《民法典》第二百七十八条）</translation>
    </message>
    <message>
        <source>More than half of area and heads (older local rule)</source>
        <translation>面积和人数均过半数（旧地方规定）</translation>
    </message>
    <message>
        <source>area or heads reach it</source>
        <translation>面积或人数任一达到</translation>
    </message>
    <message>
        <source>area and heads both reach it</source>
        <translation>面积和人数均达到</translation>
    </message>
    <message>
        <source>(no recorded owner)</source>
        <translation>（未登记业主）</translation>
    </message>
    <message>
        <source>No (no recorded owner)</source>
        <translation>否（未登记业主）</translation>
    </message>
    <message>
        <source>{shown} of {total} voters shown</source>
        <translation>显示 {shown} 人，共 {total} 人</translation>
    </message>
    <message>
        <source>Vote {number} is open. Its roll is frozen: {heads} voters holding {area} ㎡ in all. Later changes to the households file do not change it.</source>
        <translation>第 {number} 号表决已发起。名册已冻结：共 {heads} 名表决权人，专有部分面积合计 {area} ㎡。此后对房屋与住户档案的修改不会改变该名册。</translation>
    </message>
    <message>
        <source>Yes, can vote</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Total heads {heads} · total area {area} ㎡ · {can_vote} can vote</source>
        <translation>总人数 {heads} · 总面积 {area} ㎡ · 可投票 {can_vote} 人</translation>
    </message>
    <message>
        <source>{serial}  {name}  ·  rooms {rooms}  ·  {area} ㎡</source>
        <translation>{serial}  {name}  ·  房号 {rooms}  ·  {area} ㎡</translation>
    </message>
    <message>
        <source>No recorded owner on this vote&apos;s roll: this room cannot vote.</source>
        <translation>本次表决名册上该房屋未登记业主：不能投票。</translation>
    </message>
    <message>
        <source>No ballot of this voter is entered yet: enter it first.</source>
        <translation>该表决权人的选票尚未录入：请先完成第一次录入。</translation>
    </message>
    <message>
        <source>You ({clerk}) entered this ballot: its second entry is another clerk&apos;s. Each clerk sets their name under Tools → Settings.</source>
        <translation>这张选票由您（{clerk}）录入：第二次录入须由另一名工作人员进行。各工作人员请在“工具 → 设置”中填写自己的姓名。</translation>
    </message>
    <message>
        <source>Already entered by {actor} at {at}: {answer}. Void it first to enter another.</source>
        <translation>已由{actor}于 {at} 录入：{answer}。如需重新录入，请先作废。</translation>
    </message>
    <message>
        <source>Marked {marked} / seats {seats}</source>
        <translation>已选 {marked} / 应选 {seats}</translation>
    </message>
    <message>
        <source>More than {seats} marked: the ballot is void. It is still entered, and its voter still takes part.</source>
        <translation>所选超过 {seats} 人：此票为废票。该票照常录入，该表决权人仍计入参与表决。</translation>
    </message>
    <message>
        <source>Second entry of {serial} {name}</source>
        <translation>已第二次录入 {serial} {name}</translation>
    </message>
    <message>
        <source>Entered {serial} {name}</source>
        <translation>已录入 {serial} {name}</translation>
    </message>
    <message>
        <source>a spoiled ballot: its voter takes part</source>
        <translation>废票：该表决权人仍计入参与表决</translation>
    </message>
    <message>
        <source>a blank ballot: no candidate marked, its voter takes part</source>
        <translation>空白票：未选任何候选人，计入参与表决</translation>
    </message>
    <message>
        <source>Agrees with the first entry</source>
        <translation>与第一次录入一致</translation>
    </message>
    <message>
        <source>Differs from the first entry: check the paper ballot</source>
        <translation>与第一次录入不一致：请核对纸质选票</translation>
    </message>
    <message>
        <source>{ballots} ballots entered of {voters} voters who can vote</source>
        <translation>可投票的表决权人 {voters} 人，已录入选票 {ballots} 张</translation>
    </message>
    <message>
        <source>; {count} without a second entry</source>
        <translation>；{count} 张尚未第二次录入</translation>
    </message>
    <message>
        <source>Vote {number} is closed: no more ballots can be entered.</source>
        <translation>第 {number} 号表决已结束：不能再录入选票。</translation>
    </message>
    <message>
        <source>{answer} (proxy {proxy})</source>
        <translation>{answer}（委托代理人 {proxy}）</translation>
    </message>
    <message>
        <source>Proxies carrying more than {limit} ballots: the scrutineers check their written proxies.</source>
        <translation>代投超过 {limit} 张选票的委托代理人：由监票人核查其书面委托书。</translation>
    </message>
    <message>
        <source>{shown} of {total} ballots shown; {void} void</source>
        <translation>显示 {shown} 张，共 {total} 张；无效 {void} 张</translation>
    </message>
    <message>
        <source>Void the ballot {serial} of {name}? It stays on file, marked void with your reason, and another ballot of this voter can then be entered.</source>
        <translation>作废{name}的选票 {serial} 吗？该票仍保留记录，标明作废及您填写的原因；之后可以为该表决权人重新录入选票。</translation>
    </message>
    <message>
        <source>Area taking part</source>
        <translation>参与表决面积</translation>
    </message>
    <message>
        <source>Heads taking part</source>
        <translation>参与表决人数</translation>
    </message>
    <message>
        <source>Area against, of the total area</source>
        <translation>反对面积占总面积</translation>
    </message>
    <message>
        <source>Heads against, of the total heads</source>
        <translation>反对人数占总人数</translation>
    </message>
    <message>
        <source>Area supporting, of the total area</source>
        <translation>支持面积占总面积</translation>
    </message>
    <message>
        <source>Heads supporting, of the total heads</source>
        <translation>支持人数占总人数</translation>
    </message>
    <message>
        <source>Area for, of the total area</source>
        <translation>同意面积占总面积</translation>
    </message>
    <message>
        <source>Heads for, of the total heads</source>
        <translation>同意人数占总人数</translation>
    </message>
    <message>
        <source>Area for</source>
        <translation>同意面积</translation>
    </message>
    <message>
        <source>Heads for</source>
        <translation>同意人数</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Counted with the majority: {heads} voters who did not vote, {area} ㎡, added to “{side}”</source>
        <translation>从众计入：未投票的 {heads} 名表决权人（{area} ㎡）计入“{side}”</translation>
    </message>
    <message>
        <source>Shares are of all voters on the roll (heads and area).</source>
        <translation>比例以名册上全体表决权人（人数和面积）为基数。</translation>
    </message>
    <message>
        <source>% of all heads</source>
        <translation>占总人数 %</translation>
    </message>
    <message>
        <source>% of all area</source>
        <translation>占总面积 %</translation>
    </message>
    <message>
        <source>Shares are of the voters taking part (heads and area).</source>
        <translation>比例以参与表决的表决权人（人数和面积）为基数。</translation>
    </message>
    <message>
        <source>% of heads taking part</source>
        <translation>占参与人数 %</translation>
    </message>
    <message>
        <source>% of area taking part</source>
        <translation>占参与面积 %</translation>
    </message>
    <message>
        <source>Not passed if the objections reach either share:</source>
        <translation>反对达到以下任一比例即不通过：</translation>
    </message>
    <message>
        <source>Not passed if the objections reach both shares:</source>
        <translation>反对同时达到以下两项比例即不通过：</translation>
    </message>
    <message>
        <source>Carried if the support reaches both shares:</source>
        <translation>支持同时达到以下两项比例即成立：</translation>
    </message>
    <message>
        <source>Passed if the votes for reach both shares:</source>
        <translation>同意票同时达到以下两项比例即通过：</translation>
    </message>
    <message>
        <source>Elected</source>
        <translation>当选</translation>
    </message>
    <message>
        <source>Tied</source>
        <translation>得票相同</translation>
    </message>
    <message>
        <source>{names} have the same votes: a further vote is needed</source>
        <translation>{names}得票相同：需另行投票</translation>
    </message>
    <message>
        <source>{count} of {seats} seats are still open</source>
        <translation>应选 {seats} 名，尚有 {count} 个席位空缺</translation>
    </message>
    <message>
        <source>Shares are of the {heads} voters and {area} ㎡ taking part; elected needs more than half of both.</source>
        <translation>比例以参与表决的 {heads} 名表决权人、{area} ㎡ 为基数；当选须人数和面积均过半数。</translation>
    </message>
    <message>
        <source>More ballots were found than were issued: this count is void</source>
        <translation>收回的选票多于发出的选票：本次计票无效</translation>
    </message>
    <message>
        <source>No result is announced; all ballots are sealed for checking.</source>
        <translation>不公布结果；全部选票封存备查。</translation>
    </message>
    <message>
        <source>No ballots entered yet</source>
        <translation>尚未录入选票</translation>
    </message>
    <message>
        <source>The count appears here as ballots are entered.</source>
        <translation>录入选票后，计票结果将在此显示。</translation>
    </message>
    <message>
        <source>Participation threshold not reached</source>
        <translation>参与表决未达到规定比例</translation>
    </message>
    <message>
        <source>Too few owners took part: nothing is decided.</source>
        <translation>参与表决的业主不足：本次未形成决定。</translation>
    </message>
    <message>
        <source>No candidate elected</source>
        <translation>无人当选</translation>
    </message>
    <message>
        <source>No candidate has more than half of the heads and of the area taking part.</source>
        <translation>没有候选人的得票同时超过参与表决人数和面积的半数。</translation>
    </message>
    <message>
        <source>Elected: {names}</source>
        <translation>当选：{names}</translation>
    </message>
    <message>
        <source>{count} of {seats} seats filled</source>
        <translation>应选 {seats} 名，当选 {count} 名</translation>
    </message>
    <message>
        <source>The objections did not reach the threshold.</source>
        <translation>反对未达到否决比例。</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>The objections reached the threshold.</source>
        <translation>反对已达到否决比例。</translation>
    </message>
    <message>
        <source>The support did not reach 20% of the area and of the heads.</source>
        <translation>支持者未达到总面积和总人数的 20%。</translation>
    </message>
    <message>
        <source>The votes for did not reach the threshold.</source>
        <translation>同意票未达到通过比例。</translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>The scrutineers&apos; counts were corrected by {actor}: issued {issued_before}, found {found_before} → issued {issued}, found {found} ({reason}).</source>
        <translation>监票人清点票数已由{actor}更正：发出 {issued_before} 张、收回 {found_before} 张 → 发出 {issued} 张、收回 {found} 张（原因：{reason}）。</translation>
    </message>
    <message>
        <source>The scrutineers have not recorded the ballots issued and found yet.</source>
        <translation>监票人尚未登记发出和收回的选票数。</translation>
    </message>
    <message>
        <source>{entered} ballots are entered, but {found} were found in the box.</source>
        <translation>已录入 {entered} 张选票，但票箱中收回 {found} 张。</translation>
    </message>
    <message>
        <source>{count} rooms have no recorded owner and cannot vote: {rooms}</source>
        <translation>有 {count} 户房屋未登记业主，不能投票：{rooms}</translation>
    </message>
    <message>
        <source>{count} ballots have no second entry yet.</source>
        <translation>有 {count} 张选票尚未第二次录入。</translation>
    </message>
    <message>
        <source>{count} ballots were entered differently twice: check the paper ({serials}).</source>
        <translation>有 {count} 张选票两次录入不一致：请核对纸质选票（{serials}）。</translation>
    </message>
    <message>
        <source>Proxy {name} carries {count} ballots, more than {limit}: {serials}</source>
        <translation>委托代理人{name}代投 {count} 张选票，超过 {limit} 张：{serials}</translation>
    </message>
    <message>
        <source>Open: the count changes as ballots are entered</source>
        <translation>进行中：计票结果随选票录入而变化</translation>
    </message>
    <message>
        <source>Closed on {time}: this is the final count</source>
        <translation>已于 {time} 结束：这是最终计票结果</translation>
    </message>
    <message>
        <source>On the roll: {heads} voters, {area} ㎡</source>
        <translation>名册总人数 {heads}，总面积 {area} ㎡</translation>
    </message>
    <message>
        <source>Taking part: {heads} voters, {area} ㎡ ({ballots} ballots entered)</source>
        <translation>参与表决：{heads} 人，{area} ㎡（已录入 {ballots} 张选票）</translation>
    </message>
    <message>
        <source>Taking part: {heads} voters, {area} ㎡ ({ballots} ballots entered, {count} of them void: they take part but count for no one)</source>
        <translation>参与表决：{heads} 人，{area} ㎡（已录入 {ballots} 张选票，其中 {count} 张无效：计入参与表决，但不计入任何一方）</translation>
    </message>
    <message>
        <source>This kind of vote has no participation threshold.</source>
        <translation>此类表决不设参与表决门槛。</translation>
    </message>
    <message>
        <source>{ballots} ballots; {outcome}</source>
        <translation>选票 {ballots} 张；{outcome}</translation>
    </message>
    <message>
        <source>{ballots} ballots; taking part {heads} of heads, {area} of area; {outcome}</source>
        <translation>选票 {ballots} 张；参与表决人数占 {heads}，面积占 {area}；{outcome}</translation>
    </message>
    <message>
        <source>No vote yet — open one on the Votes page.</source>
        <translation>还没有表决——请在“表决列表”页新建。</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>票号</translation>
    </message>
    <message>
        <source>Voter</source>
        <translation>表决权人</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>Ballot says</source>
        <translation>票面内容</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>无效</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>委托代理人</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <source>At</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Second entry</source>
        <translation>第二次录入</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <source>Voided by</source>
        <translation>作废人</translation>
    </message>
    <message>
        <source>First entry</source>
        <translation>第一次录入</translation>
    </message>
    <message>
        <source>By</source>
        <translation>录入人</translation>
    </message>
    <message>
        <source>Ballots</source>
        <translation>选票</translation>
    </message>
    <message>
        <source>Serials</source>
        <translation>票号</translation>
    </message>
    <message>
        <source>No vote is chosen: open one on the Votes page.</source>
        <translation>还没有表决：请在“表决列表”页新建。</translation>
    </message>
    <message>
        <source>No ballot entered yet: ballots are entered on the Enter ballots page.</source>
        <translation>尚未录入选票：请在“录入选票”页录入。</translation>
    </message>
    <message>
        <source>No ballot matches “{text}”.</source>
        <translation>没有与“{text}”相符的选票。</translation>
    </message>
    <message>
        <source>Import keyed ballots</source>
        <translation>从表格导入选票</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>表格文件 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>{count} ballots were entered.</source>
        <translation>已录入 {count} 张选票。</translation>
    </message>
    <message>
        <source>Enter ballots</source>
        <translation>录入选票</translation>
    </message>
    <message>
        <source>The file is open read-only: ballots cannot be entered.</source>
        <translation>数据文件以只读方式打开：不能录入选票。</translation>
    </message>
    <message>
        <source>Keys: scan or type the serial, Enter · type the numbers of the candidates marked (1 3 7) · Enter saves · Esc starts over</source>
        <translation>按键：扫描或输入票号后按 Enter · 输入所选候选人的序号（1 3 7）· Enter 保存 · Esc 重新录入</translation>
    </message>
    <message>
        <source>Keys: scan or type the serial, Enter · 1 Yes, 2 No, 3 Abstain, 4 Spoiled (or Y, N, A, S) · Enter saves · Esc starts over</source>
        <translation>按键：扫描或输入票号后按 Enter · 1 同意、2 反对、3 弃权、4 废票（或 Y、N、A、S）· Enter 保存 · Esc 重新录入</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <source>Can vote</source>
        <translation>可否投票</translation>
    </message>
    <message>
        <source>Roll</source>
        <translation>名册</translation>
    </message>
    <message>
        <source>No voter matches “{text}”.</source>
        <translation>没有与“{text}”相符的表决权人。</translation>
    </message>
    <message>
        <source>Writing the roll…</source>
        <translation>正在生成名册…</translation>
    </message>
    <message>
        <source>The roll of {count} voters was written to
{path}</source>
        <translation>名册（共 {count} 名表决权人）已保存到
{path}</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Exporting the roll…</source>
        <translation>正在导出名册…</translation>
    </message>
    <message>
        <source>{count} voters were written to
{path}</source>
        <translation>已导出 {count} 名表决权人到
{path}</translation>
    </message>
    <message>
        <source>Writing the ballots…</source>
        <translation>正在生成选票…</translation>
    </message>
    <message>
        <source>{count} ballots were written to
{path}</source>
        <translation>{count} 张选票已保存到
{path}</translation>
    </message>
    <message>
        <source>Delivery sheet</source>
        <translation>送达签收表</translation>
    </message>
    <message>
        <source>Writing the delivery sheet…</source>
        <translation>正在生成送达签收表…</translation>
    </message>
    <message>
        <source>The delivery sheet of {count} voters was written to
{path}</source>
        <translation>送达签收表（共 {count} 名表决权人）已保存到
{path}</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>表决意见</translation>
    </message>
    <message>
        <source>Heads</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Area (㎡)</source>
        <translation>面积（㎡）</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>计票</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>候选人</translation>
    </message>
    <message>
        <source>Over half</source>
        <translation>过半数</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Rules: {rules}</source>
        <translation>计票规则：{rules}</translation>
    </message>
    <message>
        <source>Print the result notice</source>
        <translation>打印结果公告</translation>
    </message>
    <message>
        <source>Writing the result notice…</source>
        <translation>正在生成结果公告…</translation>
    </message>
    <message>
        <source>The result notice was written to
{path}</source>
        <translation>结果公告已保存到
{path}</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Decides</source>
        <translation>表决类型</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>发起时间</translation>
    </message>
    <message>
        <source>Voters</source>
        <translation>表决权人数</translation>
    </message>
    <message>
        <source>Ballots entered</source>
        <translation>已录入选票</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>表决列表</translation>
    </message>
    <message>
        <source>Closed: nothing more can be entered</source>
        <translation>已结束：不能再录入</translation>
    </message>
    <message>
        <source>Close vote {number}</source>
        <translation>结束第 {number} 号表决</translation>
    </message>
    <message>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>{heads} voters, {ballots} ballots entered</source>
        <translation>表决权人 {heads} 人，已录入选票 {ballots} 张</translation>
    </message>
</context>
<context>
    <name>worker</name>
    <message>
        <source>“Open” shows the folder it is in.</source>
        <translation>点“打开”可查看所在文件夹。</translation>
    </message>
</context>
</TS>
