<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BackgroundTask</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
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
        <source>unknown flag &apos;{value}&apos; (hardship, elderly alone, disabled)</source>
        <translation>无法识别的标记“{value}”（应为低保/特困、独居老人或残疾）</translation>
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
        <source>&apos;{value}&apos; is not a receipt number such as 2026-000001</source>
        <translation>“{value}”不是收据号，应如 2026-000001</translation>
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
        <source>Reading the data file</source>
        <translation>读取数据文件</translation>
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
