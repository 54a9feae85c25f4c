<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BackupActions</name>
    <message>
        <location filename="../../quiz_app/ui/backup_actions.py" line="66" />
        <location filename="../../quiz_app/ui/backup_actions.py" line="99" />
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/backup_actions.py" line="67" />
        <source>This question bank has no backups yet.</source>
        <translation>这个题库还没有备份。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/backup_actions.py" line="90" />
        <source>Restored %1. The bank as it was is kept as %2.</source>
        <translation>已恢复 %1。恢复前的题库保存为 %2。</translation>
    </message>
</context>
<context>
    <name>BankLoader</name>
    <message>
        <location filename="../../quiz_app/ui/bank_loader.py" line="44" />
        <source>You can use this computer's own bank until the next start: its learners and results stay on this computer (a teacher can merge them later with a results file).</source>
        <translation>在下次启动前，你可以使用这台电脑自己的题库：其中的学习者和成绩会留在这台电脑上（教师之后可以用成绩文件合并）。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/bank_loader.py" line="52" />
        <source>Use this computer's &amp;own bank</source>
        <translation>使用这台电脑自己的题库(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/bank_loader.py" line="56" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>CardWidget</name>
    <message>
        <location filename="../../quiz_app/ui/widgets/card.py" line="41" />
        <source>Show answer</source>
        <translation>显示答案</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/card.py" line="42" />
        <source>Recall the answer first, then show it (Space)</source>
        <translation>先回想答案，再显示它（空格键）</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/card.py" line="50" />
        <source>How well did you know it?</source>
        <translation>你记得有多牢？</translation>
    </message>
</context>
<context>
    <name>ClassResultsScreen</name>
    <message>
        <location filename="../../quiz_app/ui/report.py" line="171" />
        <location filename="../../quiz_app/ui/screens/class_results.py" line="62" />
        <source>Class results</source>
        <translation>班级成绩</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/class_results.py" line="64" />
        <source>Counting the class's results…</source>
        <translation>正在统计全班成绩…</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/class_results.py" line="70" />
        <source>Learner</source>
        <translation>学习者</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/class_results.py" line="71" />
        <source>Quizzes</source>
        <translation>测验数</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/class_results.py" line="72" />
        <location filename="../../quiz_app/ui/screens/class_results.py" line="80" />
        <source>Answers</source>
        <translation>答题数</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/class_results.py" line="73" />
        <location filename="../../quiz_app/ui/screens/class_results.py" line="80" />
        <source>Mean score</source>
        <translation>平均得分</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/class_results.py" line="74" />
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/class_results.py" line="76" />
        <source>Results by learner</source>
        <translation>按学习者统计的成绩</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/class_results.py" line="80" />
        <source>Pack</source>
        <translation>题包</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/class_results.py" line="81" />
        <source>Results by pack</source>
        <translation>按题包统计的成绩</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/class_results.py" line="86" />
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/class_results.py" line="87" />
        <source>Attempts</source>
        <translation>作答次数</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/class_results.py" line="88" />
        <source>Facility index</source>
        <translation>难易度指数</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/class_results.py" line="89" />
        <source>Discrimination index</source>
        <translation>区分度指数</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/class_results.py" line="90" />
        <source>Mean time (s)</source>
        <translation>平均用时（秒）</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/class_results.py" line="92" />
        <source>Results by question</source>
        <translation>按题目统计的成绩</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/class_results.py" line="96" />
        <source>Facility index: the mean mark (higher is easier). Discrimination index: how well the question separates stronger from weaker learners; low or negative values point at a question worth checking.</source>
        <translation>难易度指数：平均得分（越高越容易）。区分度指数：题目区分强弱学习者的程度；数值很低或为负时，这道题值得检查。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/class_results.py" line="101" />
        <source>By &amp;learner</source>
        <translation>按学习者(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/class_results.py" line="102" />
        <source>By &amp;pack</source>
        <translation>按题包(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/class_results.py" line="103" />
        <source>By &amp;question</source>
        <translation>按题目(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/class_results.py" line="107" />
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)……</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/class_results.py" line="113" />
        <source>Save &amp;report…</source>
        <translation>保存报告(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/class_results.py" line="114" />
        <source>Every table as a PDF or web page, to print</source>
        <translation>将所有表格保存为 PDF 或网页，便于打印</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/class_results.py" line="116" />
        <source>Home</source>
        <translation>首页</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../quiz_app/ui/crash_dialog.py" line="63" />
        <source>Chang'e Quiz: something went wrong</source>
        <translation>嫦娥问答：出错了</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/crash_dialog.py" line="76" />
        <source>Chang'e Quiz ran into a bug.</source>
        <translation>嫦娥问答遇到了一个程序错误。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/crash_dialog.py" line="80" />
        <source>This is a mistake in the app, not something you did. Your answers are safe: each one was saved the moment you submitted it.</source>
        <translation>这是程序本身的错误，不是你的操作造成的。你的答案都很安全：每个答案在提交的那一刻就已保存。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/crash_dialog.py" line="86" />
        <source>You can carry on with what you were doing. If the app then behaves strangely, quit and start it again. If this keeps happening, send the details or the log file to your teacher or to the app's makers.</source>
        <translation>你可以继续刚才的操作。如果之后程序表现异常，请退出后重新启动。如果这种情况反复出现，请把详细信息或日志文件发给教师或本程序的开发者。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/crash_dialog.py" line="91" />
        <source>What went wrong: %1</source>
        <translation>出了什么问题：%1</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/crash_dialog.py" line="93" />
        <location filename="../../quiz_app/ui/crash_dialog.py" line="97" />
        <source>The log file, with the details:</source>
        <translation>日志文件（含详细信息）：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/crash_dialog.py" line="115" />
        <location filename="../../quiz_app/ui/crash_dialog.py" line="189" />
        <source>Show details</source>
        <translation>显示详细信息</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/crash_dialog.py" line="122" />
        <source>Details of the error</source>
        <translation>错误的详细信息</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/crash_dialog.py" line="128" />
        <source>&amp;Copy details</source>
        <translation>复制详细信息(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/crash_dialog.py" line="130" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/crash_dialog.py" line="132" />
        <source>Carry &amp;on</source>
        <translation>继续使用(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/crash_dialog.py" line="169" />
        <source>One more error happened after this one; it is in the log too.</source>
        <translation>此后又发生了 1 个错误，也已记入日志。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/crash_dialog.py" line="172" />
        <source>%1 more errors happened after this one; they are in the log too.</source>
        <translation>此后又发生了 %1 个错误，也都已记入日志。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/crash_dialog.py" line="182" />
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/crash_dialog.py" line="189" />
        <source>Hide details</source>
        <translation>隐藏详细信息</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <location filename="../../quiz_app/ui/crash.py" line="323" />
        <source>Chang'e Quiz</source>
        <translation>嫦娥问答</translation>
    </message>
</context>
<context>
    <name>ExamRulesScreen</name>
    <message>
        <location filename="../../quiz_app/ui/screens/exam_rules.py" line="33" />
        <source>Exam</source>
        <translation>考试</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/exam_rules.py" line="37" />
        <source>%1 questions · %2 minutes</source>
        <translation>%1 道题 · %2 分钟</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/exam_rules.py" line="45" />
        <source>No feedback until the end: then you see your score and every answer.</source>
        <translation>考试结束前不显示对错；结束后会显示你的得分和每道题的答案。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/exam_rules.py" line="47" />
        <source>The clock runs only while a question is on screen. Esc pauses it and hides the question.</source>
        <translation>只有题目显示在屏幕上时才计时。按 Esc 可暂停计时并隐藏题目。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/exam_rules.py" line="51" />
        <source>When the time is up, the exam ends at once; questions not answered count as wrong.</source>
        <translation>时间一到，考试立即结束；未作答的题目按答错计算。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/exam_rules.py" line="53" />
        <source>Skip leaves a question for later. Leave keeps the exam to finish later.</source>
        <translation>“跳过”可把题目留到后面再答；“离开”会保留考试，以后再完成。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/exam_rules.py" line="60" />
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/exam_rules.py" line="62" />
        <source>&amp;Start the exam</source>
        <translation>开始考试(&amp;S)</translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <location filename="../../quiz_app/ui/widgets/answers.py" line="278" />
        <source>Pick one: a number, a letter or the arrows</source>
        <translation>选一项：按数字、字母或方向键</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/answers.py" line="280" />
        <source>Tick all that apply: a number or a letter</source>
        <translation>勾选所有正确项：按数字或字母</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/answers.py" line="302" />
        <location filename="../../quiz_app/ui/widgets/answers.py" line="419" />
        <source>✓ Your answer: right</source>
        <translation>✓ 你的答案：正确</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/answers.py" line="307" />
        <source>✓ Also right: not ticked</source>
        <translation>✓ 也是正确答案：你没有勾选</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/answers.py" line="309" />
        <source>✓ Right answer</source>
        <translation>✓ 正确答案</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/answers.py" line="313" />
        <location filename="../../quiz_app/ui/widgets/answers.py" line="421" />
        <source>✗ Your answer: wrong</source>
        <translation>✗ 你的答案：错误</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/answers.py" line="389" />
        <source>Your answer</source>
        <translation>你的答案</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/answers.py" line="407" />
        <source>Type your answer, then press Enter</source>
        <translation>输入你的答案，然后按回车</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/answers.py" line="452" />
        <source>Type a number, then press Enter</source>
        <translation>输入一个数字，然后按回车</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/answers.py" line="453" />
        <source>Type a number in %1, then press Enter</source>
        <translation>以%1为单位输入一个数字，然后按回车</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/answers.py" line="475" />
        <source>✓ Right answer: %1</source>
        <translation>✓ 正确答案：%1</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/answers.py" line="497" />
        <source>✓ Accepted answers: %1</source>
        <translation>✓ 可接受的答案：%1</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/answers.py" line="543" />
        <source>Drag, or move the selected item with Alt+↑ and Alt+↓.</source>
        <translation>拖动排序，或用 Alt+↑ 和 Alt+↓ 移动选中的项。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/answers.py" line="552" />
        <source>Items to put in order</source>
        <translation>要排序的项目</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/answers.py" line="579" />
        <source>%1: now %2 of %3</source>
        <translation>%1：现在是第 %2 项，共 %3 项</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/answers.py" line="610" />
        <source>Your order</source>
        <translation>你的顺序</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/answers.py" line="611" />
        <source>Right order</source>
        <translation>正确顺序</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/answers.py" line="670" />
        <source>%1: pick its partner</source>
        <translation>%1：选择与之配对的项</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/answers.py" line="691" />
        <source>Partners to choose from</source>
        <translation>可选的配对项</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/answers.py" line="700" />
        <source>Pick its partner from the list: %1 to %2</source>
        <translation>从上面的列表中为它选择配对：%1 到 %2</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/answers.py" line="737" />
        <source>Your pick, wrong</source>
        <translation>你的选择，错误</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/answers.py" line="742" />
        <source>The right partner</source>
        <translation>正确的配对项</translation>
    </message>
</context>
<context>
    <name>FeedbackPanel</name>
    <message>
        <location filename="../../quiz_app/ui/widgets/feedback_panel.py" line="56" />
        <source>You rated it: %1</source>
        <translation>你的评价：%1</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/feedback_panel.py" line="58" />
        <source>✓ Right!</source>
        <translation>✓ 答对了！</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/feedback_panel.py" line="61" />
        <source>◐ Partly right: %1 %</source>
        <translation>◐ 部分正确：%1 %</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/feedback_panel.py" line="64" />
        <source>✗ Not quite.</source>
        <translation>✗ 答错了。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/feedback_panel.py" line="76" />
        <source>Source: %1</source>
        <translation>出处：%1</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../quiz_app/ui/file_actions.py" line="77" />
        <source>Import pack</source>
        <translation>导入题包</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/file_actions.py" line="80" />
        <source>Question packs (*.zip pack.toml *.gift *.txt *.aiken *.xml *.csv *.xlsx);;All files (*)</source>
        <translation>题包 (*.zip pack.toml *.gift *.txt *.aiken *.xml *.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/file_actions.py" line="92" />
        <source>Import pack folder</source>
        <translation>导入题包文件夹</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/file_actions.py" line="107" />
        <source>Checking %1…</source>
        <translation>正在检查 %1……</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/file_actions.py" line="128" />
        <source>The bank has no packs yet.</source>
        <translation>题库中还没有题包。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/file_actions.py" line="139" />
        <source>Export pack</source>
        <translation>导出题包</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/file_actions.py" line="153" />
        <source>Export results</source>
        <translation>导出成绩</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/file_actions.py" line="153" />
        <source>Choose who is learning first.</source>
        <translation>请先选择学习者。</translation>
    </message>
</context>
<context>
    <name>HistoryScreen</name>
    <message>
        <location filename="../../quiz_app/ui/screens/history.py" line="48" />
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/history.py" line="50" />
        <source>No finished quizzes yet.</source>
        <translation>还没有完成的测验。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/history.py" line="57" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/history.py" line="58" />
        <source>Packs</source>
        <translation>题包</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/history.py" line="59" />
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/history.py" line="60" />
        <source>Questions</source>
        <translation>题数</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/history.py" line="61" />
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/history.py" line="64" />
        <source>Past quizzes</source>
        <translation>以往的测验</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/history.py" line="72" />
        <source>All packs</source>
        <translation>全部题包</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/history.py" line="90" />
        <source>&amp;Review</source>
        <translation>回顾(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/history.py" line="93" />
        <source>&amp;Home</source>
        <translation>主页(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/history.py" line="94" />
        <source>Back to Home (Esc)</source>
        <translation>返回主页（Esc）</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="55" />
        <source>Feedback after every answer</source>
        <translation>每答一题都会显示对错和解析</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="58" />
        <source>Timed, one minute a question; the score at the end</source>
        <translation>限时，每题一分钟；结束时给出得分</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="61" />
        <source>Questions you got wrong the last time you met them</source>
        <translation>你上次遇到时答错的题目</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="64" />
        <source>Spaced repetition: what is due today, and a few new questions</source>
        <translation>间隔重复：今天到期的题目，再加几道新题</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="93" />
        <source>&amp;Learner:</source>
        <translation>学习者(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="102" />
        <location filename="../../quiz_app/ui/screens/home.py" line="355" />
        <source>Create a learner to start</source>
        <translation>请先新建一位学习者</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="104" />
        <source>New learner…</source>
        <translation>新建学习者……</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="110" />
        <source>Histor&amp;y</source>
        <translation>历史记录(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="112" />
        <source>Pr&amp;ogress</source>
        <translation>学习进度(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="151" />
        <source>&amp;Questions:</source>
        <translation>题数(&amp;Q)：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="160" />
        <source>Questions in a quiz</source>
        <translation>每次测验的题数</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="165" />
        <source>Easy</source>
        <translation>简单</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="165" />
        <source>Medium</source>
        <translation>中等</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="165" />
        <source>Hard</source>
        <translation>困难</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="167" />
        <source>Tick none for every difficulty</source>
        <translation>都不勾选表示所有难度</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="180" />
        <source>&amp;Practice</source>
        <translation>练习(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="181" />
        <source>&amp;Exam</source>
        <translation>考试(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="182" />
        <source>My &amp;mistakes</source>
        <translation>我的错题(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="183" />
        <location filename="../../quiz_app/ui/screens/home.py" line="418" />
        <source>&amp;Review</source>
        <translation>复习(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="227" />
        <source>No topic ticked: a quiz draws from every topic (%1 questions).</source>
        <translation>未勾选主题：测验将从所有主题中抽题（共 %1 道题）。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="235" />
        <source>A quiz draws from the topic %1.</source>
        <translation>测验将从主题“%1”中抽题。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="237" />
        <source>A quiz draws from %1 topics: %2.</source>
        <translation>测验将从 %1 个主题中抽题：%2。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="256" />
        <source>Hello, %1</source>
        <translation>你好，%1</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="256" />
        <source>Hello</source>
        <translation>你好</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="261" />
        <source>Choose who you are above, or make a new learner.</source>
        <translation>请在上方选择你是谁，或新建一位学习者。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="263" />
        <source>Make a learner with New learner… to start.</source>
        <translation>点“新建学习者……”创建一位学习者即可开始。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="269" />
        <source>You have a %1 quiz open: %2 of %3 answered.</source>
        <translation>你有一次未完成的%1：已答 %2 / %3 题。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="274" />
        <source>&amp;Continue the quiz</source>
        <translation>继续答题(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="278" />
        <source>%1 questions are due for review: a few minutes keeps them fresh.</source>
        <translation>有 %1 道题到了复习时间：花几分钟就能巩固记忆。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="282" />
        <source>1 question is due for review: a minute keeps it fresh.</source>
        <translation>有 1 道题到了复习时间：花一分钟就能巩固记忆。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="284" />
        <source>Re&amp;view now</source>
        <translation>立即复习(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="289" />
        <source>Nothing is due. Tick topics below, or just start: a quiz of %1 questions.</source>
        <translation>现在没有要复习的题目。可以在下面勾选主题，或者直接开始：一次 %1 道题的测验。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="265" />
        <location filename="../../quiz_app/ui/screens/home.py" line="292" />
        <source>&amp;Start practising</source>
        <translation>开始练习(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="355" />
        <source>Choose who you are</source>
        <translation>选择你是谁</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="426" />
        <source>&amp;Review (%1 due)</source>
        <translation>复习(&amp;R)（%1 道到期）</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="444" />
        <source>No quizzes yet: choose topics and start one.</source>
        <translation>还没有做过测验：选择主题后开始吧。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="451" />
        <source>Recent results: %1</source>
        <translation>最近成绩：%1</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="477" />
        <source>New learner</source>
        <translation>新建学习者</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../../quiz_app/ui/importer.py" line="76" />
        <source>Import cancelled: nothing was changed.</source>
        <translation>已取消导入：未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/importer.py" line="115" />
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/importer.py" line="116" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/importer.py" line="121" />
        <location filename="../../quiz_app/ui/importer.py" line="170" />
        <source>Import pack</source>
        <translation>导入题包</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/importer.py" line="150" />
        <source>%1 %2 is already in the bank.</source>
        <translation>%1 %2 已在题库中。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/importer.py" line="152" />
        <source>Imported %1 %2: %3 added, %4 changed, %5 retired.</source>
        <translation>已导入 %1 %2：新增 %3，修改 %4，停用 %5。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/importer.py" line="161" />
        <source>The import was stopped by an error in the app.</source>
        <translation>导入因程序错误而中止。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/importer.py" line="168" />
        <source>Import cancelled: the bank is as it was.</source>
        <translation>已取消导入：题库保持原样。</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../quiz_app/ui/import_preview.py" line="41" />
        <source>Import pack</source>
        <translation>导入题包</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/import_preview.py" line="48" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/import_preview.py" line="56" />
        <source>%1 cannot be imported: %2 problem(s). Nothing was changed.</source>
        <translation>%1 无法导入：发现 %2 个问题。题库未作任何改动。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/import_preview.py" line="69" />
        <source>%1 %2 is already in the bank: nothing to import.</source>
        <translation>题库中已有 %1 %2，无需导入。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/import_preview.py" line="75" />
        <source>Import %1 %2: %3 added, %4 changed, %5 retired, %6 restored.</source>
        <translation>导入 %1 %2：新增 %3 道，修改 %4 道，停用 %5 道，恢复 %6 道。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/import_preview.py" line="80" />
        <source>%1 question(s) of the file cannot be read and would be left out:</source>
        <translation>文件中有 %1 道题无法读取，将不会导入：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/import_preview.py" line="84" />
        <source>Changed on the way in:</source>
        <translation>导入时的改动：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/import_preview.py" line="88" />
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/import_preview.py" line="89" />
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/import_preview.py" line="90" />
        <source>retired</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/import_preview.py" line="91" />
        <source>restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/import_preview.py" line="96" />
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/import_preview.py" line="96" />
        <source>&amp;Import the rest</source>
        <translation>导入其余题目(&amp;I)</translation>
    </message>
</context>
<context>
    <name>LearnerAccess</name>
    <message>
        <location filename="../../quiz_app/ui/learner_access.py" line="124" />
        <source>Learner password</source>
        <translation>学习者密码</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/learner_access.py" line="125" />
        <source>Password for %1:</source>
        <translation>%1 的密码：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/learner_access.py" line="176" />
        <source>My password</source>
        <translation>我的密码</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/learner_access.py" line="185" />
        <source>Your password is set: it is asked whenever %1 is chosen.</source>
        <translation>密码已设置：每次选择 %1 时都会询问。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/learner_access.py" line="187" />
        <source>Your password is removed: anyone at this computer can choose %1.</source>
        <translation>密码已删除：这台电脑上的任何人都可以选择 %1。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/learner_access.py" line="198" />
        <source>Clear a learner's password</source>
        <translation>清除学习者的密码</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/learner_access.py" line="201" />
        <source>No learner has a password.</source>
        <translation>没有学习者设置了密码。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/learner_access.py" line="207" />
        <source>Whose password? They can choose a new one after.</source>
        <translation>清除谁的密码？之后他们可以设置新密码。</translation>
    </message>
</context>
<context>
    <name>LeaveQuizBox</name>
    <message>
        <location filename="../../quiz_app/ui/screens/leave_quiz.py" line="16" />
        <source>Leave the quiz</source>
        <translation>离开测验</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/leave_quiz.py" line="19" />
        <source>Answers so far: %1, all saved. Keep the quiz to finish later, or abandon it?</source>
        <translation>目前已作答 %1 题，均已保存。保留测验以后再完成，还是放弃它？</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/leave_quiz.py" line="22" />
        <source>&amp;Keep for later</source>
        <translation>保留，以后再做(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/leave_quiz.py" line="24" />
        <source>&amp;Abandon quiz</source>
        <translation>放弃测验(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/leave_quiz.py" line="26" />
        <source>Carry &amp;on</source>
        <translation>继续使用(&amp;O)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="70" />
        <location filename="../../quiz_app/ui/main_window.py" line="158" />
        <source>Chang'e Quiz</source>
        <translation>嫦娥问答</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="92" />
        <source>Opening the question bank…</source>
        <translation>正在打开题库……</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="111" />
        <source>Questions in the bank: %1</source>
        <translation>题库中的题目：%1 道</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="208" />
        <source>1-9 or A-J</source>
        <translation>1-9 或 A-J</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="208" />
        <source>choose an answer</source>
        <translation>选择答案</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="209" />
        <source>T / F</source>
        <translation>T / F</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="209" />
        <source>true or false</source>
        <translation>判断正确或错误</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="210" />
        <source>Up / Down</source>
        <translation>上 / 下方向键</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="210" />
        <source>move between the choices</source>
        <translation>在选项之间移动</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="211" />
        <source>Space, then 1-4</source>
        <translation>空格，然后 1-4</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="211" />
        <source>show a card's answer, then rate it</source>
        <translation>显示卡片的答案，然后评价自己记得如何</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="212" />
        <source>Alt+Up / Alt+Down</source>
        <translation>Alt+↑ / Alt+↓</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="212" />
        <source>move an item when putting things in order</source>
        <translation>排序题中上下移动选中的项目</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="213" />
        <source>Enter</source>
        <translation>回车键</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="213" />
        <source>submit the answer, then go on</source>
        <translation>提交答案，然后进入下一题</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="214" />
        <source>F2</source>
        <translation>F2</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="214" />
        <source>show the question in the pack's other language</source>
        <translation>用题包的另一种语言显示这道题</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="215" />
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="215" />
        <source>pause the quiz (an exam's clock stops)</source>
        <translation>暂停测验（考试计时也会停止）</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="216" />
        <source>Ctrl++ / Ctrl+- / Ctrl+0</source>
        <translation>Ctrl++ / Ctrl+- / Ctrl+0</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="216" />
        <source>bigger, smaller, normal text</source>
        <translation>放大、缩小、恢复默认文字大小</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="217" />
        <source>Alt + underlined letter</source>
        <translation>Alt + 带下划线的字母</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="217" />
        <source>press that button or open that menu</source>
        <translation>按下该按钮或打开该菜单</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="220" />
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="226" />
        <source>About Chang'e Quiz</source>
        <translation>关于嫦娥问答</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="228" />
        <source>Chang'e Quiz %1
An offline quiz about China's lunar missions and lunar science.</source>
        <translation>嫦娥问答 %1
一款离线问答软件，内容涉及中国探月任务和月球科学。</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="51" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="53" />
        <source>&amp;Import pack…</source>
        <translation>导入题包(&amp;I)……</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="58" />
        <source>Import pack &amp;folder…</source>
        <translation>导入题包文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="62" />
        <source>&amp;Export pack…</source>
        <translation>导出题包(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="64" />
        <source>Export &amp;my results…</source>
        <translation>导出我的成绩(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="69" />
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="71" />
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="72" />
        <source>Connect to &amp;classroom server…</source>
        <translation>连接课堂服务器(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="75" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="81" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="82" />
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="86" />
        <source>Follow the &amp;system</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="87" />
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="88" />
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="98" />
        <source>&amp;Bigger text</source>
        <translation>放大文字(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="103" />
        <source>&amp;Smaller text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="107" />
        <source>&amp;Normal text size</source>
        <translation>默认文字大小(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="111" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="129" />
        <source>&amp;Print quiz…</source>
        <translation>打印测验(&amp;P)……</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="140" />
        <source>Clear a learner's pass&amp;word…</source>
        <translation>清除学习者的密码(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="142" />
        <source>&amp;Lock teacher mode</source>
        <translation>锁定教师模式(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="158" />
        <source>&amp;Study</source>
        <translation>学习(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="160" />
        <source>&amp;Home</source>
        <translation>主页(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="166" />
        <source>&amp;Practice</source>
        <translation>练习(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="167" />
        <source>&amp;Exam</source>
        <translation>考试(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="168" />
        <source>My &amp;mistakes</source>
        <translation>我的错题(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="169" />
        <source>&amp;Review</source>
        <translation>回顾(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="170" />
        <source>Histor&amp;y</source>
        <translation>历史记录(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="171" />
        <source>Pr&amp;ogress</source>
        <translation>学习进度(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="176" />
        <source>Retry this quiz's mis&amp;takes</source>
        <translation>重做本次测验的错题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="181" />
        <source>&amp;New questions per day in reviews…</source>
        <translation>复习中每天的新题数量(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="184" />
        <source>My pass&amp;word…</source>
        <translation>我的密码(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="122" />
        <source>&amp;Teacher</source>
        <translation>教师(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="123" />
        <source>&amp;Edit pack…</source>
        <translation>编辑题包(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="125" />
        <source>&amp;Class results…</source>
        <translation>班级成绩(&amp;C)……</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="131" />
        <source>&amp;Merge learners' results…</source>
        <translation>合并学习者成绩(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="136" />
        <source>Export &amp;all learners' results…</source>
        <translation>导出所有学习者成绩(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="145" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="147" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/menus.py" line="151" />
        <source>&amp;About Chang'e Quiz</source>
        <translation>关于嫦娥问答(&amp;A)</translation>
    </message>
</context>
<context>
    <name>Modes</name>
    <message>
        <location filename="../../quiz_app/ui/modes.py" line="12" />
        <source>Practice</source>
        <translation>练习</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/modes.py" line="13" />
        <source>Exam</source>
        <translation>考试</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/modes.py" line="14" />
        <source>My mistakes</source>
        <translation>我的错题</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/modes.py" line="15" />
        <source>Review</source>
        <translation>复习</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../quiz_app/ui/navigation.py" line="184" />
        <source>Chang'e Quiz</source>
        <translation>嫦娥问答</translation>
    </message>
</context>
<context>
    <name>NewLearnerDialog</name>
    <message>
        <location filename="../../quiz_app/ui/learner_dialog.py" line="33" />
        <source>New learner</source>
        <translation>新建学习者</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/learner_dialog.py" line="36" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/learner_dialog.py" line="37" />
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/learner_dialog.py" line="40" />
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/learner_dialog.py" line="41" />
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/learner_dialog.py" line="42" />
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/learner_dialog.py" line="43" />
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/learner_dialog.py" line="44" />
        <source>Purple</source>
        <translation>紫色</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/learner_dialog.py" line="45" />
        <source>Teal</source>
        <translation>青色</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/learner_dialog.py" line="61" />
        <source>&amp;Colour:</source>
        <translation>颜色(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/learner_dialog.py" line="67" />
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/learner_dialog.py" line="72" />
        <source>Password (optional)</source>
        <translation>密码（可选）</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/learner_dialog.py" line="75" />
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/learner_dialog.py" line="76" />
        <source>&amp;Password (optional):</source>
        <translation>密码（可选）(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/learner_dialog.py" line="77" />
        <source>&amp;Again:</source>
        <translation>再输一次(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/learner_dialog.py" line="80" />
        <source>On a computer shared with others: asked whenever this learner is chosen, so nobody else sees their results.</source>
        <translation>用于与他人共用的电脑：每次选择这位学习者时都会询问，这样别人就看不到其成绩。</translation>
    </message>
</context>
<context>
    <name>PackEditorScreen</name>
    <message>
        <location filename="../../quiz_app/ui/screens/editor.py" line="77" />
        <source>Questions of the pack</source>
        <translation>题包中的题目</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/editor.py" line="81" />
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/editor.py" line="82" />
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/editor.py" line="83" />
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/editor.py" line="84" />
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/editor.py" line="108" />
        <source>Problems of this question</source>
        <translation>此题的问题</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/editor.py" line="131" />
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/editor.py" line="147" />
        <source>Editing %1 (version %2)</source>
        <translation>正在编辑 %1（版本 %2）</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/editor.py" line="151" />
        <source>&amp;Save as version %1</source>
        <translation>保存为版本 %1(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/editor.py" line="244" />
        <source>%1 question(s) have problems.</source>
        <translation>有 %1 道题存在问题。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/editor.py" line="246" />
        <source>Changes not saved yet.</source>
        <translation>更改尚未保存。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/editor.py" line="249" />
        <source>%1 question(s), no changes.</source>
        <translation>共 %1 道题，没有更改。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/editor.py" line="316" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/editor.py" line="340" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/editor.py" line="362" />
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/editor.py" line="363" />
        <source>Save the changes to %1 as version %2?</source>
        <translation>将对 %1 的更改保存为版本 %2 吗？</translation>
    </message>
</context>
<context>
    <name>PackExport</name>
    <message>
        <location filename="../../quiz_app/ui/pack_actions.py" line="55" />
        <source>Pack archive (*.zip)</source>
        <translation>题包压缩文件 (*.zip)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/pack_actions.py" line="56" />
        <source>GIFT for Moodle (*.gift)</source>
        <translation>Moodle 的 GIFT 格式 (*.gift)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/pack_actions.py" line="57" />
        <source>Moodle XML (*.xml)</source>
        <translation>Moodle XML 格式 (*.xml)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/pack_actions.py" line="58" />
        <source>Spreadsheet (*.csv)</source>
        <translation>电子表格 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/pack_actions.py" line="59" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/pack_actions.py" line="60" />
        <source>Aiken (*.txt)</source>
        <translation>Aiken 格式 (*.txt)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/pack_actions.py" line="64" />
        <location filename="../../quiz_app/ui/pack_actions.py" line="105" />
        <location filename="../../quiz_app/ui/pack_actions.py" line="116" />
        <source>Export pack</source>
        <translation>导出题包</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/pack_actions.py" line="88" />
        <source>Exported %1 questions to %2.</source>
        <translation>已将 %1 道题导出到 %2。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/pack_actions.py" line="95" />
        <source>%1 question(s) could not go into this format:</source>
        <translation>有 %1 道题无法写入此格式：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/pack_actions.py" line="101" />
        <source>%1 question(s) went in as the nearest thing this format has:</source>
        <translation>%1 道题以这种格式中最接近的题型写入：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/pack_actions.py" line="112" />
        <source>The export was stopped by an error in the app.</source>
        <translation>导出因程序错误而中止。</translation>
    </message>
</context>
<context>
    <name>PackListWidget</name>
    <message>
        <location filename="../../quiz_app/ui/widgets/pack_list.py" line="17" />
        <source>Pack / topic</source>
        <translation>题包 / 主题</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/pack_list.py" line="17" />
        <source>Questions</source>
        <translation>题数</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/pack_list.py" line="17" />
        <source>Mastery</source>
        <translation>掌握程度</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/pack_list.py" line="18" />
        <source>Question packs</source>
        <translation>题包</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../quiz_app/ui/learner_access.py" line="50" />
        <source>My password</source>
        <translation>我的密码</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/learner_access.py" line="54" />
        <source>With a password, %1 is chosen on this computer only with it, so nobody else sees or exports your results. Leave both new fields empty to remove it. If you forget it, the teacher can clear it.</source>
        <translation>设置密码后，在这台电脑上只有输入密码才能选择 %1，这样别人就无法查看或导出你的成绩。将两个新密码框都留空即可删除密码。如果忘记了，老师可以清除它。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/learner_access.py" line="65" />
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/learner_access.py" line="66" />
        <source>&amp;Current password:</source>
        <translation>当前密码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/learner_access.py" line="67" />
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/learner_access.py" line="68" />
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/learner_access.py" line="69" />
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/learner_access.py" line="70" />
        <source>&amp;Again:</source>
        <translation>再输一次(&amp;A)：</translation>
    </message>
</context>
<context>
    <name>PreviousCrashNote</name>
    <message>
        <location filename="../../quiz_app/ui/crash_dialog.py" line="203" />
        <source>Chang'e Quiz</source>
        <translation>嫦娥问答</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/crash_dialog.py" line="204" />
        <source>Chang'e Quiz did not close properly last time.</source>
        <translation>嫦娥问答上次没有正常关闭。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/crash_dialog.py" line="207" />
        <source>Answers submitted before then are saved. If this keeps happening, please pass the log file to your teacher or to the app's makers:</source>
        <translation>在那之前提交的答案都已保存。如果这种情况反复出现，请把日志文件交给教师或本程序的开发者：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/crash_dialog.py" line="215" />
        <source>That run started at %1.</source>
        <translation>那次运行开始于 %1。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/crash_dialog.py" line="219" />
        <source>It left no traceback: it may have been stopped from outside, or the computer was switched off.</source>
        <translation>它没有留下错误追踪信息：可能是被外部强行终止，或者电脑被关机了。</translation>
    </message>
</context>
<context>
    <name>PrintQuizDialog</name>
    <message>
        <location filename="../../quiz_app/ui/print_dialog.py" line="104" />
        <location filename="../../quiz_app/ui/print_dialog.py" line="220" />
        <source>Print quiz</source>
        <translation>打印测验</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/print_dialog.py" line="112" />
        <source>Questions:</source>
        <translation>题目：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/print_dialog.py" line="116" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/print_dialog.py" line="118" />
        <source>How many questions (0: all of them)</source>
        <translation>题目数量（0 表示全部）</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/print_dialog.py" line="119" />
        <source>&amp;How many:</source>
        <translation>数量(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/print_dialog.py" line="124" />
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/print_dialog.py" line="125" />
        <source>The same seed on the same bank prints the same quiz again.</source>
        <translation>在同一题库中使用相同的种子，可以再次打印出同一份测验。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/print_dialog.py" line="126" />
        <source>&amp;New seed</source>
        <translation>换一个种子(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/print_dialog.py" line="134" />
        <source>&amp;Seed:</source>
        <translation>种子(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/print_dialog.py" line="140" />
        <source>Language of the paper</source>
        <translation>试卷语言</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/print_dialog.py" line="141" />
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/print_dialog.py" line="144" />
        <source>The pack's title</source>
        <translation>题包的标题</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/print_dialog.py" line="145" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/print_dialog.py" line="146" />
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/print_dialog.py" line="148" />
        <source>With the &amp;answer key, on pages of its own</source>
        <translation>附答案(&amp;A)，单独成页</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/print_dialog.py" line="156" />
        <source>Save as &amp;PDF…</source>
        <translation>保存为 PDF(&amp;P)……</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/print_dialog.py" line="177" />
        <source>quiz-%1.pdf</source>
        <translation>测验-%1.pdf</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/print_dialog.py" line="179" />
        <source>Save the quiz</source>
        <translation>保存测验</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/print_dialog.py" line="179" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/print_dialog.py" line="190" />
        <source>Printing…</source>
        <translation>正在打印……</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/print_dialog.py" line="224" />
        <source>Quiz saved: %1 (%2 pages, seed %3)</source>
        <translation>测验已保存：%1（%2 页，种子 %3）</translation>
    </message>
</context>
<context>
    <name>ProgressScreen</name>
    <message>
        <location filename="../../quiz_app/ui/screens/progress.py" line="64" />
        <source>Progress of %1</source>
        <translation>%1 的学习进度</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/progress.py" line="66" />
        <source>Study streak: %1 day(s) · %2 answers</source>
        <translation>连续学习：%1 天 · 共答 %2 题</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/progress.py" line="105" />
        <source>Save my &amp;report…</source>
        <translation>保存我的报告(&amp;R)……</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/progress.py" line="107" />
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/progress.py" line="115" />
        <source>Nothing yet.</source>
        <translation>还没有数据。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/progress.py" line="126" />
        <source>Quiz scores, oldest first: %1</source>
        <translation>测验得分，从最早开始：%1</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/progress.py" line="127" />
        <source>Accuracy per topic: %1</source>
        <translation>各主题正确率：%1</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/progress.py" line="128" />
        <source>Questions due per day: %1</source>
        <translation>每天到期的题目：%1</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/progress.py" line="129" />
        <source>Minutes of study per day: %1</source>
        <translation>每天的学习分钟数：%1</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/progress.py" line="133" />
        <source>Quiz scores</source>
        <translation>测验得分</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/progress.py" line="164" />
        <source>Accuracy per topic</source>
        <translation>各主题正确率</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/progress.py" line="165" />
        <source>Accuracy</source>
        <translation>正确率</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/progress.py" line="211" />
        <source>Questions due, next 30 days</source>
        <translation>未来 30 天到期的题目</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/progress.py" line="218" />
        <source>Minutes of study, last 30 days</source>
        <translation>最近 30 天的学习时间（分钟）</translation>
    </message>
</context>
<context>
    <name>QuestionForm</name>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_form.py" line="71" />
        <source>The question's id in the pack: letters, digits, - _ .</source>
        <translation>题目在题包中的编号：字母、数字、- _ .</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_form.py" line="74" />
        <source>One right answer</source>
        <translation>单选（一个正确答案）</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_form.py" line="75" />
        <source>Several right answers</source>
        <translation>多选（多个正确答案）</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_form.py" line="76" />
        <source>True or false</source>
        <translation>判断题</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_form.py" line="77" />
        <source>A number</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_form.py" line="78" />
        <source>A short text</source>
        <translation>简短文字</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_form.py" line="79" />
        <source>Put in order</source>
        <translation>排序</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_form.py" line="80" />
        <source>Match pairs</source>
        <translation>配对</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_form.py" line="81" />
        <source>A card the learner rates</source>
        <translation>学习者自评的卡片</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_form.py" line="91" />
        <source>Where the facts come from</source>
        <translation>事实的出处</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_form.py" line="93" />
        <source>Optional: the question's name, as in Moodle</source>
        <translation>可选：题目的名称，如 Moodle 中的题名</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_form.py" line="94" />
        <source>&amp;Id:</source>
        <translation>编号(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_form.py" line="95" />
        <source>Tit&amp;le:</source>
        <translation>题名(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_form.py" line="96" />
        <source>T&amp;ype:</source>
        <translation>题型(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_form.py" line="97" />
        <source>To&amp;pic:</source>
        <translation>主题(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_form.py" line="98" />
        <source>&amp;Difficulty (1-3):</source>
        <translation>难度（1-3）(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_form.py" line="110" />
        <source>Question:</source>
        <translation>题目：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_form.py" line="111" />
        <source>Explanation:</source>
        <translation>解析：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_form.py" line="114" />
        <source>&amp;Source:</source>
        <translation>出处(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_form.py" line="117" />
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_form.py" line="124" />
        <source>True</source>
        <translation>正确</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_form.py" line="125" />
        <source>False</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_form.py" line="137" />
        <source>The statement is:</source>
        <translation>该陈述：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_form.py" line="140" />
        <source>Right answer:</source>
        <translation>正确答案：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_form.py" line="141" />
        <source>Give or take:</source>
        <translation>允许误差：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_form.py" line="144" />
        <source>Unit (%1):</source>
        <translation>单位（%1）：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_form.py" line="151" />
        <source>Accepted answers (%1), one per line:</source>
        <translation>可接受的答案（%1），每行一个：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_form.py" line="162" />
        <source>Back, the answer the learner checks against (%1):</source>
        <translation>背面，学习者用来核对的答案（%1）：</translation>
    </message>
</context>
<context>
    <name>QuestionPreview</name>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_preview.py" line="45" />
        <source>As the learner sees it</source>
        <translation>学习者看到的样子</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_preview.py" line="48" />
        <source>Preview language</source>
        <translation>预览语言</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_preview.py" line="60" />
        <source>Show the answer</source>
        <translation>显示答案</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_preview.py" line="91" />
        <source>The preview shows once the question has no problems.</source>
        <translation>题目没有问题后才会显示预览。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_preview.py" line="101" />
        <source>True</source>
        <translation>正确</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/question_preview.py" line="101" />
        <source>False</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>QuizHead</name>
    <message>
        <location filename="../../quiz_app/ui/screens/quiz_head.py" line="32" />
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/quiz_head.py" line="35" />
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/quiz_head.py" line="39" />
        <source>&amp;Leave…</source>
        <translation>离开(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/quiz_head.py" line="40" />
        <source>Keep this quiz for later, or abandon it</source>
        <translation>保留这次测验以后再做，或放弃它</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/quiz_head.py" line="50" />
        <source>Review: %1 of %2</source>
        <translation>复习：第 %1 题，共 %2 题</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/quiz_head.py" line="50" />
        <source>Question %1 of %2</source>
        <translation>第 %1 题，共 %2 题</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/quiz_head.py" line="57" />
        <source>%1 due · %2 new</source>
        <translation>%1 道到期 · %2 道新题</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/quiz_head.py" line="61" />
        <source>Time left %1</source>
        <translation>剩余时间 %1</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/quiz_head.py" line="76" />
        <source>Show this question in %1 (F2)</source>
        <translation>用%1显示这道题（F2）</translation>
    </message>
</context>
<context>
    <name>QuizScreen</name>
    <message>
        <location filename="../../quiz_app/ui/screens/quiz.py" line="275" />
        <source>Paused. Press Esc to carry on.</source>
        <translation>已暂停。按 Esc 键继续。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/quiz.py" line="325" />
        <source>S&amp;kip</source>
        <translation>跳过(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/quiz.py" line="254" />
        <location filename="../../quiz_app/ui/screens/quiz.py" line="328" />
        <source>Fla&amp;g</source>
        <translation>标记(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/quiz.py" line="208" />
        <source>One minute left.</source>
        <translation>还剩一分钟。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/quiz.py" line="254" />
        <source>⚑ Fla&amp;gged</source>
        <translation>⚑ 已标记(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/quiz.py" line="314" />
        <source>Answers</source>
        <translation>答题数</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/quiz.py" line="330" />
        <source>Mark this question to look at again</source>
        <translation>标记此题，稍后再看</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/quiz.py" line="334" />
        <location filename="../../quiz_app/ui/screens/quiz.py" line="507" />
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/quiz.py" line="377" />
        <source>↻ Comes back %1</source>
        <translation>↻ %1再次出现</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/quiz.py" line="498" />
        <location filename="../../quiz_app/ui/screens/quiz.py" line="635" />
        <source>True</source>
        <translation>正确</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/quiz.py" line="498" />
        <location filename="../../quiz_app/ui/screens/quiz.py" line="635" />
        <source>False</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/quiz.py" line="597" />
        <source>Answer saved. %1</source>
        <translation>答案已保存。%1</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/quiz.py" line="607" />
        <source>Next</source>
        <translation>下一题</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/quiz.py" line="637" />
        <source>The right answer: %1</source>
        <translation>正确答案：%1</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/quiz.py" line="652" />
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../quiz_app/ui/report.py" line="54" />
        <source>Progress report</source>
        <translation>学习报告</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/report.py" line="55" />
        <location filename="../../quiz_app/ui/report.py" line="141" />
        <source>Made on %1</source>
        <translation>生成于 %1</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/report.py" line="56" />
        <source>Study streak: %1 day(s)</source>
        <translation>连续学习：%1 天</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/report.py" line="57" />
        <source>Answers: %1</source>
        <translation>答题数：%1</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/report.py" line="58" />
        <source>Quizzes finished: %1</source>
        <translation>完成的测验：%1</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/report.py" line="59" />
        <source>Mastery</source>
        <translation>掌握程度</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/report.py" line="60" />
        <source>Latest scores</source>
        <translation>最近得分</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <location filename="../../quiz_app/ui/report_actions.py" line="31" />
        <source>Report saved: %1</source>
        <translation>报告已保存：%1</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/report_actions.py" line="35" />
        <source>PDF (*.pdf);;Web page (*.html)</source>
        <translation>PDF (*.pdf);;网页 (*.html)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/report_actions.py" line="41" />
        <source>Save my report</source>
        <translation>保存我的报告</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/report_actions.py" line="41" />
        <source>report.pdf</source>
        <translation>学习报告.pdf</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/report_actions.py" line="83" />
        <source>Export class results</source>
        <translation>导出班级成绩</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/report_actions.py" line="94" />
        <source>Results saved: %1</source>
        <translation>成绩已保存：%1</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/report_actions.py" line="100" />
        <source>Save the class report</source>
        <translation>保存班级报告</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/report_actions.py" line="100" />
        <source>class-report.pdf</source>
        <translation>班级报告.pdf</translation>
    </message>
</context>
<context>
    <name>RestoreBackupDialog</name>
    <message>
        <location filename="../../quiz_app/ui/restore_dialog.py" line="48" />
        <location filename="../../quiz_app/ui/restore_dialog.py" line="161" />
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/restore_dialog.py" line="52" />
        <source>Choose the backup to put in place of the question bank. The bank as it is now is backed up first, so a restore can be undone.</source>
        <translation>请选择要替换当前题库的备份。恢复前会先备份现在的题库，所以恢复可以撤销。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/restore_dialog.py" line="68" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/restore_dialog.py" line="69" />
        <source>Made</source>
        <translation>备份时机</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/restore_dialog.py" line="70" />
        <source>Learners</source>
        <translation>学习者</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/restore_dialog.py" line="71" />
        <source>Quizzes</source>
        <translation>测验数</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/restore_dialog.py" line="72" />
        <source>Answers</source>
        <translation>答题数</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/restore_dialog.py" line="73" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/restore_dialog.py" line="76" />
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/restore_dialog.py" line="90" />
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/restore_dialog.py" line="101" />
        <source>There are no backups of this bank yet.</source>
        <translation>这个题库还没有备份。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/restore_dialog.py" line="103" />
        <source>None of these backups can be restored.</source>
        <translation>这些备份都无法恢复。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/restore_dialog.py" line="113" />
        <source>Before an upgrade</source>
        <translation>升级之前</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/restore_dialog.py" line="114" />
        <source>When the app closed</source>
        <translation>关闭程序时</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/restore_dialog.py" line="115" />
        <source>Before a restore</source>
        <translation>恢复之前</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/restore_dialog.py" line="116" />
        <source>By hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/restore_dialog.py" line="123" />
        <source>Damaged: cannot be restored</source>
        <translation>已损坏：无法恢复</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/restore_dialog.py" line="163" />
        <source>Put the backup of %1 in place of the question bank?

The bank as it is now is backed up first: to undo the restore, restore that backup.</source>
        <translation>用 %1 的备份替换当前题库吗？

恢复前会先备份现在的题库：要撤销这次恢复，恢复那个备份即可。</translation>
    </message>
</context>
<context>
    <name>ResultsExchange</name>
    <message>
        <location filename="../../quiz_app/ui/results_exchange.py" line="40" />
        <source>Chang'e Quiz results (*.jsonl);;All files (*)</source>
        <translation>嫦娥问答成绩文件 (*.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/results_exchange.py" line="46" />
        <source>Export results</source>
        <translation>导出成绩</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/results_exchange.py" line="65" />
        <source>Saved %1 quiz(zes) and %2 answer(s) to %3.</source>
        <translation>已将 %1 次测验和 %2 个作答保存到 %3。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/results_exchange.py" line="74" />
        <location filename="../../quiz_app/ui/results_exchange.py" line="101" />
        <location filename="../../quiz_app/ui/results_exchange.py" line="150" />
        <source>Merge results</source>
        <translation>合并成绩</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/results_exchange.py" line="105" />
        <source>%1 has results of %2, and this bank has a learner of that name created on another computer. Are they the same learner?</source>
        <translation>%1 中有 %2 的成绩，而本题库中有一位同名学习者，是在另一台电脑上创建的。他们是同一位学习者吗？</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/results_exchange.py" line="112" />
        <source>If not, nothing is merged: rename the learner on one computer first.</source>
        <translation>如果不是，则不会合并任何内容：请先在其中一台电脑上为该学习者改名。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/results_exchange.py" line="114" />
        <source>&amp;Same learner</source>
        <translation>是同一位学习者(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/results_exchange.py" line="115" />
        <source>&amp;Not the same</source>
        <translation>不是同一位(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/results_exchange.py" line="131" />
        <source>Everything in %1 is already in this bank.</source>
        <translation>%1 中的所有内容都已在题库中。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/results_exchange.py" line="153" />
        <source>%1 holds the results of %2. Merging adds %3 learner(s), %4 quiz(zes) and %5 answer(s); %6 quiz(zes) and %7 answer(s) are already here.</source>
        <translation>%1 包含 %2 的成绩。合并将新增 %3 位学习者、%4 次测验和 %5 个作答；已有 %6 次测验和 %7 个作答在题库中。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/results_exchange.py" line="109" />
        <location filename="../../quiz_app/ui/results_exchange.py" line="157" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/results_exchange.py" line="166" />
        <source>%1 score(s) in the file do not match what the answer earns against this bank's question: they are scored again.</source>
        <translation>文件中有 %1 个得分与该答案在本题库题目下应得的分数不符：已重新评分。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/results_exchange.py" line="170" />
        <source>&amp;Merge</source>
        <translation>合并(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/results_exchange.py" line="119" />
        <location filename="../../quiz_app/ui/results_exchange.py" line="138" />
        <source>Merge cancelled: nothing was changed.</source>
        <translation>已取消合并：未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/results_exchange.py" line="179" />
        <source>Merged %1: %2 learner(s), %3 quiz(zes) and %4 answer(s) added.</source>
        <translation>已合并 %1：新增 %2 位学习者、%3 次测验和 %4 个作答。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/results_exchange.py" line="189" />
        <source>That was stopped by an error in the app.</source>
        <translation>操作因程序错误而中止。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/results_exchange.py" line="197" />
        <source>Results</source>
        <translation>成绩</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/results_exchange.py" line="204" />
        <source>The file has %1 problem(s); nothing was merged.</source>
        <translation>文件有 %1 个问题；未合并任何内容。</translation>
    </message>
</context>
<context>
    <name>ResultsScreen</name>
    <message>
        <location filename="../../quiz_app/ui/screens/results.py" line="68" />
        <source>True</source>
        <translation>正确</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/results.py" line="68" />
        <source>False</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/results.py" line="76" />
        <source>Time's up. The %1 questions not answered count as wrong.</source>
        <translation>时间到。未作答的 %1 道题按答错计算。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/results.py" line="82" />
        <source>Time's up. The question not answered counts as wrong.</source>
        <translation>时间到。未作答的那道题按答错计算。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/results.py" line="84" />
        <source>Time's up, just as the last answer was saved.</source>
        <translation>时间到，最后一个答案恰好已保存。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/results.py" line="89" />
        <source>Score: %1 %</source>
        <translation>得分：%1%</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/results.py" line="93" />
        <source>%1 of %2 answered · time %3</source>
        <translation>已答 %1 / %2 题 · 用时 %3</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/results.py" line="106" />
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/results.py" line="106" />
        <source>Your answer</source>
        <translation>你的答案</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/results.py" line="106" />
        <source>Right answer</source>
        <translation>正确答案</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/results.py" line="106" />
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/results.py" line="108" />
        <source>Answers</source>
        <translation>答题情况</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/results.py" line="125" />
        <source>not answered</source>
        <translation>未作答</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/results.py" line="142" />
        <source>&amp;Retry this quiz's mistakes</source>
        <translation>重做本次测验的错题(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/results.py" line="145" />
        <source>&amp;Home</source>
        <translation>主页(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/results.py" line="146" />
        <source>Back to Home (Esc)</source>
        <translation>返回主页（Esc）</translation>
    </message>
</context>
<context>
    <name>RowsEditor</name>
    <message>
        <location filename="../../quiz_app/ui/widgets/rows_editor.py" line="54" />
        <source>Add a row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/rows_editor.py" line="55" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/rows_editor.py" line="56" />
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/rows_editor.py" line="57" />
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/rows_editor.py" line="77" />
        <source>Right</source>
        <translation>正确</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/rows_editor.py" line="79" />
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/rows_editor.py" line="80" />
        <source>Left</source>
        <translation>左侧</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/rows_editor.py" line="81" />
        <source>Matches</source>
        <translation>对应项</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/widgets/rows_editor.py" line="82" />
        <source>Feedback when picked</source>
        <translation>选中时的反馈</translation>
    </message>
</context>
<context>
    <name>ServerActions</name>
    <message>
        <location filename="../../quiz_app/ui/server_dialog.py" line="122" />
        <source>Chang'e Quiz opens this computer's own bank at its next start.</source>
        <translation>嫦娥问答下次启动时将打开这台电脑自己的题库。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/server_dialog.py" line="137" />
        <source>Connected to %1. Chang'e Quiz opens the class's bank at its next start.</source>
        <translation>已连接到 %1。嫦娥问答下次启动时将打开全班的题库。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/server_dialog.py" line="144" />
        <source>Connect to classroom server</source>
        <translation>连接课堂服务器</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/server_dialog.py" line="150" />
        <source>Classroom server</source>
        <translation>课堂服务器</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/server_dialog.py" line="152" />
        <source>&amp;Quit now</source>
        <translation>立即退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/server_dialog.py" line="153" />
        <source>&amp;Later</source>
        <translation>稍后(&amp;L)</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <location filename="../../quiz_app/ui/server_dialog.py" line="38" />
        <source>Connect to classroom server</source>
        <translation>连接课堂服务器</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/server_dialog.py" line="42" />
        <source>A class can share one bank on the school's PostgreSQL server. The password is not typed here: put it in your pgpass file, as the teacher's guide says.</source>
        <translation>全班可以共用学校 PostgreSQL 服务器上的一个题库。密码不在这里输入：请按教师指南把它写进你的 pgpass 文件。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/server_dialog.py" line="52" />
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/server_dialog.py" line="56" />
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/server_dialog.py" line="58" />
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/server_dialog.py" line="60" />
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/server_dialog.py" line="61" />
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/server_dialog.py" line="62" />
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/server_dialog.py" line="63" />
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/server_dialog.py" line="64" />
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/server_dialog.py" line="66" />
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/server_dialog.py" line="68" />
        <source>Use this computer's &amp;own bank</source>
        <translation>使用这台电脑自己的题库(&amp;O)</translation>
    </message>
</context>
<context>
    <name>ServerStatus</name>
    <message>
        <location filename="../../quiz_app/ui/server_status.py" line="67" />
        <source>Classroom server not reached. Answers kept on this computer until it is back: %1</source>
        <translation>未连接到课堂服务器。在服务器恢复前保存在这台电脑上的答案：%1</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/server_status.py" line="75" />
        <source>Classroom server: connected</source>
        <translation>课堂服务器：已连接</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/server_status.py" line="77" />
        <source>Every waiting answer reached the classroom server.</source>
        <translation>所有等待中的答案都已送达课堂服务器。</translation>
    </message>
</context>
<context>
    <name>TeacherActions</name>
    <message>
        <location filename="../../quiz_app/ui/teacher_actions.py" line="73" />
        <source>Edit pack</source>
        <translation>编辑题包</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/teacher_actions.py" line="84" />
        <source>Saved %1 %2: %3 added, %4 changed, %5 retired.</source>
        <translation>已保存 %1 %2：新增 %3，修改 %4，停用 %5。</translation>
    </message>
</context>
<context>
    <name>TeacherGate</name>
    <message>
        <location filename="../../quiz_app/ui/teacher_gate.py" line="86" />
        <source>Teacher PIN</source>
        <translation>教师密码</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/teacher_gate.py" line="88" />
        <source>Set a teacher PIN for this computer now?</source>
        <translation>现在为这台电脑设置教师密码吗？</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/teacher_gate.py" line="91" />
        <source>It keeps importing and editing packs, class results, merging learners' results and restoring backups for the teacher. It does not stop someone who can copy the bank file from reading it. You can set it later: the first teacher action asks for it.</source>
        <translation>设置后，导入和编辑题包、查看全班成绩、合并学习者成绩以及从备份恢复都只有教师才能进行。它无法阻止能复制题库文件的人读取其中内容。也可以以后再设置：第一次进行教师操作时会提示设置。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/teacher_gate.py" line="97" />
        <source>&amp;Set a PIN…</source>
        <translation>设置密码(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/teacher_gate.py" line="98" />
        <source>&amp;Not now</source>
        <translation>以后再说(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screenshots.py" line="396" />
        <location filename="../../quiz_app/ui/teacher_gate.py" line="124" />
        <source>Teacher mode</source>
        <translation>教师模式</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screenshots.py" line="391" />
        <location filename="../../quiz_app/ui/teacher_gate.py" line="130" />
        <source>This is a class computer of the classroom server. Teacher mode, packs and the whole class's results are on the teacher's computer.</source>
        <translation>这是课堂服务器上的班级电脑。教师模式、题包和全班成绩都在教师的电脑上。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/teacher_gate.py" line="138" />
        <source>Choose a teacher PIN (4 to 12 digits):</source>
        <translation>设置教师 PIN 码（4 至 12 位数字）：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/teacher_gate.py" line="143" />
        <source>The same PIN again:</source>
        <translation>再输入一次同一个 PIN 码：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/teacher_gate.py" line="148" />
        <source>The two PINs differ; nothing was set.</source>
        <translation>两次输入的 PIN 码不一致，未作设置。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/teacher_gate.py" line="152" />
        <source>Teacher PIN:</source>
        <translation>教师 PIN 码：</translation>
    </message>
</context>
<context>
    <name>ViewSettings</name>
    <message>
        <location filename="../../quiz_app/ui/view.py" line="77" />
        <source>New questions per day</source>
        <translation>每天的新题数量</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/view.py" line="79" />
        <source>Reviews bring in at most this many questions you have never seen, each day. Fewer keeps reviews short; 0 reviews only what you have met.</source>
        <translation>复习每天最多引入这么多你从未见过的题目。数量少一些，复习就短一些；设为 0 则只复习你见过的题目。</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../quiz_app/ui/pack_actions.py" line="39" />
        <source>Pack:</source>
        <translation>题包：</translation>
    </message>
</context>
</TS>