<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="69"/>
        <source>Chang&apos;e Quiz</source>
        <translation>嫦娥问答</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="73"/>
        <source>Question bank</source>
        <translation>题库</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="86"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="87"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="91"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="92"/>
        <source>&amp;About Chang&apos;e Quiz</source>
        <translation>关于嫦娥问答(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="103"/>
        <source>Opening the question bank…</source>
        <translation>正在打开题库……</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="110"/>
        <source>Questions in the bank: %1</source>
        <translation>题库中的题目：%1 道</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="115"/>
        <source>About Chang&apos;e Quiz</source>
        <translation>关于嫦娥问答</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="117"/>
        <source>Chang&apos;e Quiz %1
An offline quiz about China&apos;s lunar missions and lunar science.</source>
        <translation>嫦娥问答 %1
一款离线问答软件，内容涉及中国探月任务和月球科学。</translation>
    </message>
</context>
<context>
    <name>PackListWidget</name>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="33"/>
        <source>Pack / topic</source>
        <translation>题包 / 主题</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="33"/>
        <source>Questions</source>
        <translation>题数</translation>
    </message>
    <message>
        <location filename="../../quiz_app/ui/main_window.py" line="34"/>
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
</TS>
