<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="46"/>
        <source>&amp;Learner:</source>
        <translation>学习者(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="49"/>
        <source>Create a learner to start</source>
        <translation>请先新建一位学习者</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="51"/>
        <source>New learner…</source>
        <translation>新建学习者……</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="53"/>
        <source>Continue unfinished quiz</source>
        <translation>继续未完成的测验</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="65"/>
        <source>&amp;Questions:</source>
        <translation>题数(&amp;Q)：</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="75"/>
        <source>&amp;Practice</source>
        <translation>练习(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="76"/>
        <source>&amp;Exam</source>
        <translation>考试(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="77"/>
        <source>My &amp;mistakes</source>
        <translation>我的错题(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="126"/>
        <location filename="../../quiz_app/ui/screens/home.py" line="134"/>
        <source>New learner</source>
        <translation>新建学习者</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/home.py" line="126"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="73"/>
        <location filename="../../quiz_app/ui/main_window.py" line="115"/>
        <source>Chang&apos;e Quiz</source>
        <translation>嫦娥问答</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="90"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="91"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="95"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="96"/>
        <source>&amp;About Chang&apos;e Quiz</source>
        <translation>关于嫦娥问答(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="169"/>
        <source>Opening the question bank…</source>
        <translation>正在打开题库……</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="176"/>
        <source>Questions in the bank: %1</source>
        <translation>题库中的题目：%1 道</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="181"/>
        <source>About Chang&apos;e Quiz</source>
        <translation>关于嫦娥问答</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="183"/>
        <source>Chang&apos;e Quiz %1
An offline quiz about China&apos;s lunar missions and lunar science.</source>
        <translation>嫦娥问答 %1
一款离线问答软件，内容涉及中国探月任务和月球科学。</translation>
    </message>
</context>
<context>
    <name>PackListWidget</name>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="37"/>
        <source>Pack / topic</source>
        <translation>题包 / 主题</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="37"/>
        <source>Questions</source>
        <translation>题数</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="38"/>
        <source>Question packs</source>
        <translation>题包</translation>
    </message>
</context>
<context>
    <name>QuizScreen</name>
    <message>
        <location filename="../../quiz_app/ui/screens/quiz.py" line="123"/>
        <location filename="../../quiz_app/ui/screens/quiz.py" line="158"/>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/quiz.py" line="144"/>
        <source>Question %1 of %2</source>
        <translation>第 %1 题，共 %2 题</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/quiz.py" line="153"/>
        <source>True</source>
        <translation>正确</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/quiz.py" line="153"/>
        <source>False</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/quiz.py" line="205"/>
        <source>Right!</source>
        <translation>答对了！</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/quiz.py" line="209"/>
        <source>Partly right: %1 %</source>
        <translation>部分正确：%1%</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/quiz.py" line="213"/>
        <source>Not quite.</source>
        <translation>答错了。</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/quiz.py" line="219"/>
        <source>Source: %1</source>
        <translation>出处：%1</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/quiz.py" line="222"/>
        <source>Next</source>
        <translation>下一题</translation>
    </message>
</context>
<context>
    <name>ResultsScreen</name>
    <message>
        <location filename="../../quiz_app/ui/screens/results.py" line="51"/>
        <source>True</source>
        <translation>正确</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/results.py" line="51"/>
        <source>False</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/results.py" line="54"/>
        <source>Score: %1 %</source>
        <translation>得分：%1%</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/results.py" line="62"/>
        <source>%1 of %2 answered · time %3</source>
        <translation>已答 %1 / %2 题 · 用时 %3</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/results.py" line="74"/>
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/results.py" line="74"/>
        <source>Your answer</source>
        <translation>你的答案</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/results.py" line="74"/>
        <source>Right answer</source>
        <translation>正确答案</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/results.py" line="74"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/results.py" line="76"/>
        <source>Answers</source>
        <translation>答题情况</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/results.py" line="108"/>
        <source>Retry my mistakes</source>
        <translation>重做错题</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/screens/results.py" line="111"/>
        <source>Home</source>
        <translation>首页</translation>
    </message>
</context>
</TS>
