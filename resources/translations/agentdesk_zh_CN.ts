<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnswersEditor</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>&amp;Answers</source>
        <translation>选项(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>名称(&amp;L)</translation>
    </message>
    <message>
        <source>Label (Englis&amp;h)</source>
        <translation>名称（英文）(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Next step</source>
        <translation>下一环节(&amp;N)</translation>
    </message>
    <message>
        <source>A&amp;ction</source>
        <translation>操作(&amp;C)</translation>
    </message>
    <message>
        <source>Add answer</source>
        <translation>添加选项</translation>
    </message>
    <message>
        <source>Add an answer (Ctrl+Shift+A); at most 9, on keys 1-9</source>
        <translation>添加选项（Ctrl+Shift+A）；最多 9 个，对应按键 1-9</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the answer (Delete in the list)</source>
        <translation>删除该选项（在列表中按 Delete）</translation>
    </message>
    <message>
        <source>Move the answer up (Alt+Up)</source>
        <translation>上移选项（Alt+Up）</translation>
    </message>
    <message>
        <source>Move the answer down (Alt+Down)</source>
        <translation>下移选项（Alt+Down）</translation>
    </message>
    <message>
        <source>Article key, e.g. porting</source>
        <translation>文章标识，如：porting</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>Supervisor:</source>
        <translation>主管：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Supervisor approval</source>
        <translation>主管审批</translation>
    </message>
    <message>
        <source>Say why the discount is granted.</source>
        <translation>请说明给予此折扣的原因。</translation>
    </message>
    <message>
        <source>This account may not approve discounts.</source>
        <translation>该账号无权审批折扣。</translation>
    </message>
    <message>
        <source>A discount needs someone else&apos;s approval.</source>
        <translation>折扣须由他人审批。</translation>
    </message>
</context>
<context>
    <name>ArticleEditorDialog</name>
    <message>
        <source>New article</source>
        <translation>新文章</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Someone else saved this article while you were editing it.</source>
        <translation>您编辑期间，其他人保存了这篇文章。</translation>
    </message>
    <message>
        <source>Article changed</source>
        <translation>文章已被修改</translation>
    </message>
    <message>
        <source>Someone else saved this article while you were editing it. Reload their version (your changes are dropped), or keep your text: saving again then replaces theirs.</source>
        <translation>您编辑期间，其他人保存了这篇文章。可以加载对方的版本（放弃您的修改），或保留您的内容：再次保存将替换对方的版本。</translation>
    </message>
    <message>
        <source>&amp;Reload theirs</source>
        <translation>加载对方版本(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>保留我的(&amp;K)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>This article has changes that are not saved. Discard them?</source>
        <translation>这篇文章有未保存的修改。要放弃吗？</translation>
    </message>
    <message>
        <source>Publish as article</source>
        <translation>发布为文章</translation>
    </message>
    <message>
        <source>Knowledge base articles</source>
        <translation>知识库文章</translation>
    </message>
    <message>
        <source>Find by title or slug (Ctrl+F)</source>
        <translation>按标题或标识查找 (Ctrl+F)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>&amp;New article</source>
        <translation>新文章(&amp;N)</translation>
    </message>
    <message>
        <source>Start a new article (Ctrl+N)</source>
        <translation>新建文章 (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>发布(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Publish the article and tell the agent (Ctrl+S)</source>
        <translation>发布文章并通知坐席 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save the article (Ctrl+S)</source>
        <translation>保存文章 (Ctrl+S)</translation>
    </message>
</context>
<context>
    <name>ArticleForm</name>
    <message>
        <source>Use lowercase letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>只能使用小写字母、数字、“.”、“_”和“-”。</translation>
    </message>
    <message>
        <source>Write the answer or the body.</source>
        <translation>请填写简答或正文。</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>Sl&amp;ug</source>
        <translation>标识(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>St&amp;atus</source>
        <translation>状态(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>分类(&amp;C)</translation>
    </message>
    <message>
        <source>Ta&amp;gs</source>
        <translation>标签(&amp;G)</translation>
    </message>
    <message>
        <source>Pr&amp;oducts</source>
        <translation>产品(&amp;O)</translation>
    </message>
    <message>
        <source>Ans&amp;wer</source>
        <translation>简答(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Body (Markdown)</source>
        <translation>正文 (Markdown)(&amp;B)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Used in links: article:slug</source>
        <translation>用于链接：article:标识</translation>
    </message>
    <message>
        <source>Separate with commas</source>
        <translation>用逗号分隔</translation>
    </message>
    <message>
        <source>Product codes, separated with commas</source>
        <translation>产品编码，用逗号分隔</translation>
    </message>
    <message>
        <source>The short answer an agent reads out</source>
        <translation>坐席可直接念给客户的简短答复</translation>
    </message>
</context>
<context>
    <name>ArticleHeaders</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <source>No article open</source>
        <translation>未打开文章</translation>
    </message>
    <message>
        <source>Read in %1</source>
        <translation>阅读%1版</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Ctrl+K: search from anywhere; type Chinese or English</source>
        <translation>Ctrl+K：随处搜索；可输入中文或英文</translation>
    </message>
    <message>
        <source>↑ ↓: choose a result; Enter: open it</source>
        <translation>↑ ↓：选择结果；Enter：打开</translation>
    </message>
    <message>
        <source>Esc: back to where you were</source>
        <translation>Esc：回到原来的位置</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C: the answer (or the selected text) into the call notes</source>
        <translation>Ctrl+Shift+C：把简答（或选中的文字）放入通话备注</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Q: ask the trainers; Enter sends</source>
        <translation>Ctrl+Shift+Q：向训导师提问；Enter 发送</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>第 %1 版</translation>
    </message>
    <message>
        <source>Escalation rule (OLA)</source>
        <translation>升级规则（OLA）</translation>
    </message>
    <message>
        <source>Escalation rule (OLA): %1</source>
        <translation>升级规则（OLA）：%1</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <source>%1 (%2 domain)</source>
        <translation>%1（%2域）</translation>
    </message>
    <message>
        <source>Response time</source>
        <translation>响应时限</translation>
    </message>
    <message>
        <source>Tells the customer</source>
        <translation>结果告知</translation>
    </message>
    <message>
        <source>Leader escalation</source>
        <translation>领导升级</translation>
    </message>
    <message>
        <source>if still open %1 after opening</source>
        <translation>受理后 %1 仍未解决时启动</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1: </source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>Answer at the front line (do not escalate)</source>
        <translation>一线直接答复（不升级）</translation>
    </message>
    <message>
        <source>Ask the customer first</source>
        <translation>先问客户</translation>
    </message>
    <message>
        <source>Information the escalation carries</source>
        <translation>升级需携带的信息</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>处理步骤</translation>
    </message>
    <message>
        <source>Answer (Ctrl+Shift+C copies it into the call notes)</source>
        <translation>简答（Ctrl+Shift+C 放入通话备注）</translation>
    </message>
    <message>
        <source>business</source>
        <translation>业务</translation>
    </message>
    <message>
        <source>product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>technical</source>
        <translation>技术</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Open this article in the other language</source>
        <translation>打开这篇文章的另一种语言版本</translation>
    </message>
</context>
<context>
    <name>AskDialog</name>
    <message>
        <source>Type your question first.</source>
        <translation>请先输入问题。</translation>
    </message>
    <message>
        <source>The question is too long: at most %1 characters.</source>
        <translation>问题太长：最多 %1 个字符。</translation>
    </message>
    <message>
        <source>Ask the trainers</source>
        <translation>向训导师提问</translation>
    </message>
    <message>
        <source>Your &amp;question for the trainers. Their answer appears under Knowledge › My questions.</source>
        <translation>您要问训导师的问题(&amp;Q)。答复会显示在“知识库 › 我的提问”中。</translation>
    </message>
    <message>
        <source>Enter sends · Shift+Enter starts a new line · Esc cancels</source>
        <translation>Enter 发送 · Shift+Enter 换行 · Esc 取消</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>CallArea</name>
    <message>
        <source>Finish the call and choose its disposition first.</source>
        <translation>请先结束通话并选择通话小结。</translation>
    </message>
    <message>
        <source>Saved. Press F2 for the next contact.</source>
        <translation>已保存。按 F2 获取下一个联系人。</translation>
    </message>
    <message>
        <source>The callback time has already passed. Choose a later time.</source>
        <translation>回拨时间已过，请选择更晚的时间。</translation>
    </message>
    <message>
        <source>The callback time is outside calling hours where the customer lives. Choose a time inside them.</source>
        <translation>回拨时间不在客户所在地的允许呼叫时段内，请在该时段内选择时间。</translation>
    </message>
    <message>
        <source>This number is on the do-not-call list, so no callback can be booked.</source>
        <translation>此号码在免打扰名单中，无法预约回拨。</translation>
    </message>
    <message>
        <source>This disposition does not belong to the call&apos;s campaign.</source>
        <translation>此小结不属于本次通话所在的营销活动。</translation>
    </message>
    <message numerus="yes">
        <source>%n callback(s) due</source>
        <translation>
            <numerusform>%n 个回拨已到期</numerusform>
        </translation>
    </message>
    <message>
        <source>Transfer the call</source>
        <translation>转接通话</translation>
    </message>
    <message>
        <source>Transfer to number:</source>
        <translation>转接到号码：</translation>
    </message>
    <message>
        <source>Simulate an incoming call</source>
        <translation>模拟呼入</translation>
    </message>
    <message>
        <source>Caller&apos;s number (empty: withheld):</source>
        <translation>来电号码（留空表示隐藏号码）：</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>回拨列表</translation>
    </message>
    <message>
        <source>Call bar</source>
        <translation>通话栏</translation>
    </message>
    <message>
        <source>My day</source>
        <translation>今日业绩</translation>
    </message>
</context>
<context>
    <name>CallController</name>
    <message>
        <source>You will be not ready after this call.</source>
        <translation>本次通话结束后，您将转为未就绪。</translation>
    </message>
    <message>
        <source>Get ready first (Ctrl+Shift+R) to take the next contact.</source>
        <translation>请先就绪（Ctrl+Shift+R），再获取下一个联系人。</translation>
    </message>
    <message>
        <source>No outbound campaign is running.</source>
        <translation>当前没有进行中的外呼营销活动。</translation>
    </message>
    <message>
        <source>Enter a number to dial, or press F2 for the next contact.</source>
        <translation>请输入要拨打的号码，或按 F2 获取下一个联系人。</translation>
    </message>
    <message>
        <source>That is not a valid phone number.</source>
        <translation>这不是有效的电话号码。</translation>
    </message>
    <message>
        <source>The call has already ended.</source>
        <translation>通话已结束。</translation>
    </message>
    <message>
        <source>Only 0-9, * and # can be sent.</source>
        <translation>只能发送 0-9、* 和 #。</translation>
    </message>
    <message>
        <source>Incoming calls are only offered while you are ready.</source>
        <translation>只有在就绪状态下才会分配呼入电话。</translation>
    </message>
    <message>
        <source>The line is busy.</source>
        <translation>线路正忙。</translation>
    </message>
    <message>
        <source>Missed call from %1.</source>
        <translation>未接来电：%1。</translation>
    </message>
    <message>
        <source>a withheld number</source>
        <translation>隐藏号码</translation>
    </message>
</context>
<context>
    <name>CallPanel</name>
    <message>
        <source>Attempt %1 of %2</source>
        <translation>第 %1 次拨打（共 %2 次）</translation>
    </message>
    <message>
        <source>Priority %1</source>
        <translation>优先级 %1</translation>
    </message>
    <message>
        <source>Last result: %1</source>
        <translation>上次结果：%1</translation>
    </message>
    <message>
        <source>on the list</source>
        <translation>名单号码</translation>
    </message>
    <message>
        <source>do not call</source>
        <translation>免打扰</translation>
    </message>
    <message>
        <source>Callback (%1)</source>
        <translation>回拨（%1）</translation>
    </message>
    <message>
        <source>Customer&apos;s local time: %1 (%2)</source>
        <translation>客户当地时间：%1（%2）</translation>
    </message>
    <message>
        <source>Callback due %1</source>
        <translation>回拨时间 %1</translation>
    </message>
    <message>
        <source>On the line</source>
        <translation>通话中的客户</translation>
    </message>
    <message>
        <source>not asked yet</source>
        <translation>尚未询问</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>no</source>
        <translation>不同意</translation>
    </message>
    <message>
        <source>Recording consent: %1</source>
        <translation>录音同意：%1</translation>
    </message>
    <message>
        <source>Nothing to call now: every remaining contact is outside calling hours. Calling opens again at %1.</source>
        <translation>暂无可拨打的联系人：剩余联系人均不在允许呼叫时段内，%1 起可再次拨打。</translation>
    </message>
    <message>
        <source>Nothing to call: the server cannot be reached and no contacts are held on this computer. Calls you receive still work.</source>
        <translation>暂无可拨打的联系人：无法连接服务器，本机也没有保存联系人。呼入电话仍可正常接听。</translation>
    </message>
    <message>
        <source>Nothing to call: this campaign is not running.</source>
        <translation>暂无可拨打的联系人：该营销活动未在进行中。</translation>
    </message>
    <message>
        <source>Nothing to call: every contact of this campaign is done or not due yet. Due callbacks appear in the Callbacks list.</source>
        <translation>暂无可拨打的联系人：该营销活动的联系人均已完成或尚未到拨打时间。到期的回拨会显示在回拨列表中。</translation>
    </message>
    <message>
        <source>On a call: F4 hang up · F6 hold · F7 mute · F8 transfer · Alt+Y/Alt+N consent</source>
        <translation>通话中：F4 挂断 · F6 保持 · F7 静音 · F8 转接 · Alt+Y/Alt+N 录音同意</translation>
    </message>
    <message>
        <source>Choose the disposition with its F-key (F1-F12); Ctrl+Enter saves the selected one.</source>
        <translation>按对应的 F 键（F1-F12）选择小结；Ctrl+Enter 保存所选小结。</translation>
    </message>
    <message>
        <source>Check the record, then press F3 to dial.</source>
        <translation>请核对客户资料，然后按 F3 拨号。</translation>
    </message>
    <message>
        <source>Press F2 for the next contact.</source>
        <translation>按 F2 获取下一个联系人。</translation>
    </message>
    <message>
        <source>Ca&amp;mpaign</source>
        <translation>营销活动(&amp;M)</translation>
    </message>
    <message>
        <source>Next contact</source>
        <translation>下一个联系人</translation>
    </message>
    <message>
        <source>N&amp;umber</source>
        <translation>号码(&amp;U)</translation>
    </message>
</context>
<context>
    <name>CallWords</name>
    <message>
        <source>Signed out</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Not ready</source>
        <translation>未就绪</translation>
    </message>
    <message>
        <source>On call</source>
        <translation>通话中</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>话后处理</translation>
    </message>
    <message>
        <source>Just signed in</source>
        <translation>刚登录</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>小休</translation>
    </message>
    <message>
        <source>Lunch</source>
        <translation>午餐</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Coaching</source>
        <translation>辅导</translation>
    </message>
    <message>
        <source>Follow-up work</source>
        <translation>跟进工作</translation>
    </message>
    <message>
        <source>System problem</source>
        <translation>系统故障</translation>
    </message>
    <message>
        <source>Checking the number…</source>
        <translation>正在核验号码…</translation>
    </message>
    <message>
        <source>Dialling…</source>
        <translation>正在拨号…</translation>
    </message>
    <message>
        <source>Incoming call</source>
        <translation>来电</translation>
    </message>
    <message>
        <source>Ringing…</source>
        <translation>正在振铃…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已接通</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>保持中</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>You hung up</source>
        <translation>您已挂断</translation>
    </message>
    <message>
        <source>The customer hung up</source>
        <translation>客户已挂断</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>占线</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>Could not connect</source>
        <translation>无法接通</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>已转接</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒接</translation>
    </message>
    <message>
        <source>The caller hung up</source>
        <translation>来电方已挂断</translation>
    </message>
    <message>
        <source>No contact</source>
        <translation>未接触</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>已接触</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>成交</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>回拨</translation>
    </message>
    <message>
        <source>Do not call</source>
        <translation>免打扰</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>号码错误</translation>
    </message>
    <message>
        <source>Not called yet</source>
        <translation>未拨打</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>待重拨</translation>
    </message>
    <message>
        <source>Callback due</source>
        <translation>待回拨</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Invalid number</source>
        <translation>无效号码</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
</context>
<context>
    <name>CallbackHeaders</name>
    <message>
        <source>Due (customer&apos;s time)</source>
        <translation>回拨时间（客户当地）</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Whose</source>
        <translation>归属</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CallbacksPanel</name>
    <message numerus="yes">
        <source>%n callback(s) due now</source>
        <translation>
            <numerusform>%n 个回拨已到期</numerusform>
        </translation>
    </message>
    <message>
        <source>No callback is due.</source>
        <translation>暂无到期的回拨。</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <source>Opening the workspace…</source>
        <translation>正在打开工作区…</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>The phone configured for this computer cannot be used, so the training phone (simulated calls) is in use instead. Tell your administrator: %1</source>
        <translation>本机配置的电话无法使用，已改用培训电话（模拟通话）。请告知管理员：%1</translation>
    </message>
    <message>
        <source>AgentDesk</source>
        <translation>坐席工作台</translation>
    </message>
</context>
<context>
    <name>ConsoleActions</name>
    <message>
        <source>&amp;Find customer</source>
        <translation>查找客户(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New customer</source>
        <translation>新建客户(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Edit customer</source>
        <translation>编辑客户(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Reload customer</source>
        <translation>刷新客户资料(&amp;R)</translation>
    </message>
    <message>
        <source>Switch &amp;language</source>
        <translation>切换语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Reset panel layout</source>
        <translation>恢复默认面板布局(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Next contact</source>
        <translation>下一个联系人(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Dial / answer</source>
        <translation>拨号/接听(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Hang up</source>
        <translation>挂断(&amp;H)</translation>
    </message>
    <message>
        <source>H&amp;old</source>
        <translation>保持(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Mute</source>
        <translation>静音(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Transfer…</source>
        <translation>转接(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Ready</source>
        <translation>就绪(&amp;R)</translation>
    </message>
    <message>
        <source>Not read&amp;y…</source>
        <translation>未就绪(&amp;Y)…</translation>
    </message>
    <message>
        <source>Consents to recording</source>
        <translation>同意录音</translation>
    </message>
    <message>
        <source>Declines recording</source>
        <translation>拒绝录音</translation>
    </message>
    <message>
        <source>Number &amp;field</source>
        <translation>号码输入框(&amp;F)</translation>
    </message>
    <message>
        <source>Call n&amp;otes</source>
        <translation>通话备注(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Callbacks</source>
        <translation>回拨列表(&amp;C)</translation>
    </message>
    <message>
        <source>Simulate an &amp;incoming call…</source>
        <translation>模拟呼入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Copy answer into call notes</source>
        <translation>简答放入通话备注(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Ask trainers…</source>
        <translation>向训导师提问(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;My questions…</source>
        <translation>我的提问(&amp;M)…</translation>
    </message>
    <message>
        <source>Question &amp;queue…</source>
        <translation>问题队列(&amp;Q)…</translation>
    </message>
    <message>
        <source>A&amp;rticles…</source>
        <translation>文章管理(&amp;R)…</translation>
    </message>
    <message>
        <source>Call &amp;script</source>
        <translation>沟通流程(&amp;S)</translation>
    </message>
    <message>
        <source>Script &amp;editor…</source>
        <translation>流程编辑器(&amp;E)…</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>立即同步(&amp;N)</translation>
    </message>
    <message>
        <source>Sync &amp;issues…</source>
        <translation>同步问题(&amp;I)…</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>登录(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Sign out</source>
        <translation>注销(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About AgentDesk</source>
        <translation>关于坐席工作台(&amp;A)</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>AgentDesk hit an unexpected error and may need a restart. The details were written to %1; please send that file to your administrator.</source>
        <translation>坐席工作台遇到意外错误，可能需要重新启动。详细信息已写入 %1，请将该文件发送给系统管理员。</translation>
    </message>
</context>
<context>
    <name>CustomerEditor</name>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Edit customer</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>标签(&amp;T)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Separate tags with commas</source>
        <translation>多个标签用逗号分隔</translation>
    </message>
    <message>
        <source>Phones (number, label, primary)</source>
        <translation>电话（号码、说明、主号码）</translation>
    </message>
    <message>
        <source>Addresses (province, city, district, street, postal code, default)</source>
        <translation>地址（省、市、区、街道门牌、邮编、默认）</translation>
    </message>
    <message>
        <source>Add &amp;phone</source>
        <translation>添加电话(&amp;P)</translation>
    </message>
    <message>
        <source>Add &amp;address</source>
        <translation>添加地址(&amp;A)</translation>
    </message>
    <message>
        <source>Number, any format</source>
        <translation>号码，任意格式</translation>
    </message>
    <message>
        <source>Label, e.g. office</source>
        <translation>说明，如：办公室</translation>
    </message>
    <message>
        <source>Primary number</source>
        <translation>主号码</translation>
    </message>
    <message>
        <source>Remove this number</source>
        <translation>删除此号码</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区/县</translation>
    </message>
    <message>
        <source>Street and number</source>
        <translation>街道及门牌号</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>邮编</translation>
    </message>
    <message>
        <source>Default address</source>
        <translation>默认地址</translation>
    </message>
    <message>
        <source>Remove this address</source>
        <translation>删除此地址</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>CustomerRecordView</name>
    <message>
        <source>No address on file</source>
        <translation>暂无地址</translation>
    </message>
    <message>
        <source>Calls (%1)</source>
        <translation>通话 (%1)</translation>
    </message>
    <message>
        <source>Orders (%1)</source>
        <translation>订单 (%1)</translation>
    </message>
    <message>
        <source>No customer open.
Find one by phone number, name or customer number (Ctrl+F).</source>
        <translation>尚未打开客户。
可按电话号码、姓名或客户编号查找（Ctrl+F）。</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Edit this customer (Ctrl+E)</source>
        <translation>编辑此客户（Ctrl+E）</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CustomerSearch</name>
    <message>
        <source>No customer found. Press Ctrl+N to add one.</source>
        <translation>未找到客户。按 Ctrl+N 新建。</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) found</source>
        <translation>
            <numerusform>找到 %n 位客户</numerusform>
        </translation>
    </message>
    <message>
        <source>Phone, last 4+ digits, name or customer no.</source>
        <translation>电话、号码后4位以上、姓名或客户编号</translation>
    </message>
    <message>
        <source>Find customer</source>
        <translation>查找客户</translation>
    </message>
</context>
<context>
    <name>DeliveryDesk</name>
    <message>
        <source>Delivery desk</source>
        <extracomment>Asks where to save a file: (title, suggested path, filter) -&gt; the path, None if cancelled. Asks which file to open: (title, filter) -&gt; the path, None if cancelled.</extracomment>
        <translation>配送台</translation>
    </message>
    <message>
        <source>Choose a handover on the left.</source>
        <translation>请在左侧选择一个交接批次。</translation>
    </message>
    <message>
        <source>%1 · handover %2 · booking calls %3-%4 · delivery %5</source>
        <translation>%1 · 交接 %2 · 预约外呼 %3-%4 · 送达 %5</translation>
    </message>
    <message>
        <source>Hall &amp;pick-ups on %1</source>
        <translation>%1 营业厅自提(&amp;P)</translation>
    </message>
    <message>
        <source>%1, cash to collect %2</source>
        <translation>%1，应收现金 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n 单</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Handovers (Ctrl+1)</source>
        <translation>交接批次(&amp;H) (Ctrl+1)</translation>
    </message>
    <message>
        <source>Hall &amp;pick-ups</source>
        <translation>营业厅自提(&amp;P)</translation>
    </message>
    <message>
        <source>Sheet &amp;for</source>
        <translation>交接单对象(&amp;F)</translation>
    </message>
    <message>
        <source>Delivery team (home deliveries)</source>
        <translation>配送团队（上门配送）</translation>
    </message>
    <message>
        <source>Whole round</source>
        <translation>整个批次</translation>
    </message>
    <message>
        <source>Only supervisors (the delivery desk) can do this.</source>
        <translation>只有主管（配送台）可以执行此操作。</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Save the sheet as a CSV file (Ctrl+E)</source>
        <translation>将交接单保存为 CSV 文件 (Ctrl+E)</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Save the sheet as a printable PDF (Ctrl+P)</source>
        <translation>将交接单保存为可打印的 PDF (Ctrl+P)</translation>
    </message>
    <message>
        <source>Mark handed over</source>
        <translation>标记已交接</translation>
    </message>
    <message>
        <source>Mark the sheet&apos;s orders as dispatched (Ctrl+H)</source>
        <translation>将交接单上的订单标记为已派送 (Ctrl+H)</translation>
    </message>
    <message>
        <source>Enter result…</source>
        <translation>录入结果…</translation>
    </message>
    <message>
        <source>Enter the delivery result of the chosen order (Ctrl+R)</source>
        <translation>录入所选订单的配送结果 (Ctrl+R)</translation>
    </message>
    <message>
        <source>Import results…</source>
        <translation>导入结果…</translation>
    </message>
    <message>
        <source>Import a results file from the delivery team or a hall (Ctrl+I)</source>
        <translation>导入配送团队或营业厅的结果文件 (Ctrl+I)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read everything again (F5)</source>
        <translation>重新读取全部数据 (F5)</translation>
    </message>
</context>
<context>
    <name>DeskActions</name>
    <message>
        <source>CSV files (*.csv)</source>
        <extracomment>The statuses a hand-over sends out.</extracomment>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Save the dispatch sheet</source>
        <translation>保存派送交接单</translation>
    </message>
    <message>
        <source>Saved %1 (%2).</source>
        <translation>已保存 %1（%2）。</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n 单</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to hand over: every order on this sheet has gone out.</source>
        <translation>没有可交接的订单：此交接单上的订单均已发出。</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>交接</translation>
    </message>
    <message numerus="yes">
        <source>Hand %n order(s) over to %1? They will be marked as dispatched.</source>
        <translation>
            <numerusform>将 %n 单交接给%1？这些订单将标记为已派送。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Hand over</source>
        <translation>交接(&amp;H)</translation>
    </message>
    <message numerus="yes">
        <source>Handed over %n order(s).</source>
        <translation>
            <numerusform>已交接 %n 单。</numerusform>
        </translation>
    </message>
    <message>
        <source>the delivery team</source>
        <translation>配送团队</translation>
    </message>
    <message>
        <source>the delivery team and the halls</source>
        <translation>配送团队和营业厅</translation>
    </message>
    <message>
        <source>%1 is closed (%2): no result can follow.</source>
        <translation>%1 已结束（%2），不能再录入结果。</translation>
    </message>
    <message>
        <source>%1: %2. A callback was booked for %3, who took the order.</source>
        <translation>%1：%2。已为受理坐席 %3 预约回访。</translation>
    </message>
    <message>
        <source>%1: %2. No callback was needed.</source>
        <translation>%1：%2。无需回访。</translation>
    </message>
    <message>
        <source>Import delivery results</source>
        <translation>导入配送结果</translation>
    </message>
    <message>
        <source>Results files (*.csv *.txt);;All files (*)</source>
        <translation>结果文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) saved</source>
        <translation>
            <numerusform>已保存 %n 条结果</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <source>Results imported: %1, %2.</source>
        <translation>结果已导入：%1，%2。</translation>
    </message>
</context>
<context>
    <name>DeskWords</name>
    <message>
        <source>Delivered</source>
        <extracomment>The fields of check_result&apos;s codes: an import names such a problem ``&lt;field&gt;_&lt;code&gt;``.</extracomment>
        <translation>已送达</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>派送失败</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>Rescheduled</source>
        <translation>改期</translation>
    </message>
    <message>
        <source>Nobody at home</source>
        <translation>家中无人</translation>
    </message>
    <message>
        <source>The phone was not answered</source>
        <translation>电话无人接听</translation>
    </message>
    <message>
        <source>Wrong or incomplete address</source>
        <translation>地址错误或不完整</translation>
    </message>
    <message>
        <source>The ID check did not match</source>
        <translation>身份核验不符</translation>
    </message>
    <message>
        <source>The customer changed their mind</source>
        <translation>客户改变主意</translation>
    </message>
    <message>
        <source>The customer says they did not order it</source>
        <translation>客户称未订购</translation>
    </message>
    <message>
        <source>The customer disagrees with the price</source>
        <translation>客户对价格有异议</translation>
    </message>
    <message>
        <source>The goods were damaged</source>
        <translation>商品破损</translation>
    </message>
    <message>
        <source>The customer asked for another day</source>
        <translation>客户要求改天送达</translation>
    </message>
    <message>
        <source>The customer is away</source>
        <translation>客户外出</translation>
    </message>
    <message>
        <source>The customer asked for another time</source>
        <translation>客户要求改时间送达</translation>
    </message>
    <message>
        <source>The file is larger than %1 MB and was not read.</source>
        <translation>文件超过 %1 MB，未读取。</translation>
    </message>
    <message>
        <source>The file holds no results.</source>
        <translation>文件中没有结果。</translation>
    </message>
    <message>
        <source>The file is not text in UTF-8 or GB18030: save it again as &quot;CSV UTF-8&quot;.</source>
        <translation>文件不是 UTF-8 或 GB18030 文本：请重新另存为“CSV UTF-8”。</translation>
    </message>
    <message>
        <source>The first row is not a header row: it needs the columns 订单号 and 配送结果 (order_no and result).</source>
        <translation>第一行不是表头：需要“订单号”和“配送结果”两列（order_no 和 result）。</translation>
    </message>
    <message>
        <source>The column %1 is missing.</source>
        <translation>缺少 %1 列。</translation>
    </message>
    <message>
        <source>Two columns hold the same field: keep one of them.</source>
        <translation>有两列表示同一字段：请只保留一列。</translation>
    </message>
    <message>
        <source>The file has more than %1 rows: split it and import each part.</source>
        <translation>文件超过 %1 行：请拆分后分别导入。</translation>
    </message>
    <message>
        <source>A quotation mark opened here is never closed: the rest of the file was not read.</source>
        <translation>此处的引号没有闭合：文件其余部分未读取。</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <source>The order number is blank.</source>
        <translation>订单号为空。</translation>
    </message>
    <message>
        <source>Unknown result: use delivered, failed, refused or rescheduled (已送达, 失败, 拒收, 改期).</source>
        <translation>无法识别的结果：请填写 已送达、失败、拒收 或 改期（delivered, failed, refused, rescheduled）。</translation>
    </message>
    <message>
        <source>The amount collected is not an amount in yuan such as 1299.00.</source>
        <translation>实收金额不是有效的金额（例如 1299.00）。</translation>
    </message>
    <message>
        <source>The new date is not a date such as 2026-12-03.</source>
        <translation>改期日期不是有效日期（例如 2026-12-03）。</translation>
    </message>
    <message>
        <source>The same order is already on line %1.</source>
        <translation>同一订单已在第 %1 行出现。</translation>
    </message>
    <message>
        <source>A cell is too long.</source>
        <translation>单元格内容过长。</translation>
    </message>
    <message>
        <source>A cell has text but no column name above it.</source>
        <translation>有单元格有内容但没有列名。</translation>
    </message>
    <message>
        <source>There is no order %1.</source>
        <translation>没有订单 %1。</translation>
    </message>
    <message>
        <source>The order is already closed (delivered, refused or cancelled).</source>
        <translation>该订单已结束（已送达、拒收或已取消）。</translation>
    </message>
    <message>
        <source>This result cannot follow the order&apos;s current status.</source>
        <translation>订单当前状态下不能录入此结果。</translation>
    </message>
    <message>
        <source>A reason is required for this result.</source>
        <translation>此结果必须填写原因。</translation>
    </message>
    <message>
        <source>The reason is too long.</source>
        <translation>原因过长。</translation>
    </message>
    <message>
        <source>Enter an amount in yuan such as 1299.00.</source>
        <translation>请输入以元为单位的金额，例如 1299.00。</translation>
    </message>
    <message>
        <source>Cash on delivery: the amount collected must be the order total.</source>
        <translation>货到付款：实收金额必须等于订单金额。</translation>
    </message>
    <message>
        <source>An amount collected is given only for a delivered order.</source>
        <translation>只有已送达的订单才填写实收金额。</translation>
    </message>
    <message>
        <source>A rescheduled delivery needs its new date.</source>
        <translation>改期配送需要填写新日期。</translation>
    </message>
    <message>
        <source>The new date must be after today.</source>
        <translation>新日期必须晚于今天。</translation>
    </message>
    <message>
        <source>The new date is more than %1 days ahead.</source>
        <translation>新日期超过 %1 天以后。</translation>
    </message>
    <message>
        <source>A new date is given only for a rescheduled delivery.</source>
        <translation>只有改期配送才填写新日期。</translation>
    </message>
    <message>
        <source>The reporter&apos;s name is too long.</source>
        <translation>反馈人姓名过长。</translation>
    </message>
    <message>
        <source>Not accepted (%1).</source>
        <translation>不予接受（%1）。</translation>
    </message>
    <message>
        <source>Order %1: %2</source>
        <translation>订单 %1：%2</translation>
    </message>
    <message>
        <source>The sheet could not be saved as %1: %2</source>
        <translation>交接单无法保存为 %1：%2</translation>
    </message>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>无法读取文件 %1。</translation>
    </message>
    <message>
        <source>This round no longer exists. Press F5 to refresh.</source>
        <translation>该批次已不存在。请按 F5 刷新。</translation>
    </message>
    <message>
        <source>This hall no longer exists. Press F5 to refresh.</source>
        <translation>该营业厅已不存在。请按 F5 刷新。</translation>
    </message>
    <message>
        <source>This order no longer exists. Press F5 to refresh.</source>
        <translation>该订单已不存在。请按 F5 刷新。</translation>
    </message>
    <message>
        <source>Only supervisors (the delivery desk) can do this.</source>
        <translation>只有主管（配送台）可以执行此操作。</translation>
    </message>
</context>
<context>
    <name>DispatchWords</name>
    <message>
        <source>Cash on delivery</source>
        <extracomment>The handovers table&apos;s column drawn as a load bar. The sheet table&apos;s address and items columns (long texts, cut to the column&apos;s width). A round or hall that is full, and one that is over its capacity. Which language the data&apos;s names are shown in: ``&quot;zh_CN&quot;`` or ``&quot;en&quot;``. A handover: the round and the day it hands over.</extracomment>
        <translation>货到付款</translation>
    </message>
    <message>
        <source>Pay at the hall</source>
        <translation>营业厅付款</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>At the hall</source>
        <translation>营业厅</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>上午</translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation>下午</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>晚上</translation>
    </message>
    <message>
        <source>Pick-up at the hall</source>
        <translation>营业厅自提</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>交接时间</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>送达日期</translation>
    </message>
    <message>
        <source>Booked / capacity</source>
        <translation>已订 / 容量</translation>
    </message>
    <message>
        <source>Hall</source>
        <translation>营业厅</translation>
    </message>
    <message>
        <source>Pick-ups</source>
        <translation>自提单数</translation>
    </message>
    <message>
        <source>Daily capacity</source>
        <translation>每日容量</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Address or hall</source>
        <translation>地址或营业厅</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Preferred time</source>
        <translation>期望时段</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>DraftPane</name>
    <message>
        <source>In a call: %1</source>
        <translation>实际通话中：%1</translation>
    </message>
    <message>
        <source>Open a version, or start a new script (Ctrl+N).</source>
        <translation>请打开一个版本，或新建流程（Ctrl+N）。</translation>
    </message>
    <message>
        <source>Pro&amp;blems</source>
        <translation>问题(&amp;B)</translation>
    </message>
    <message>
        <source>Pro&amp;blems to fix before publishing: %1</source>
        <translation>发布前需修正的问题(&amp;B)：%1</translation>
    </message>
    <message>
        <source>Pro&amp;blems: none, the draft can be published</source>
        <translation>问题(&amp;B)：无，草稿可以发布</translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation>名称(&amp;M)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Script values</source>
        <translation>流程变量</translation>
    </message>
    <message>
        <source>Funnel</source>
        <translation>漏斗</translation>
    </message>
    <message>
        <source>Previe&amp;w — click the answers to walk</source>
        <translation>预览(&amp;W) — 点击选项逐步演练</translation>
    </message>
</context>
<context>
    <name>DraftWriter</name>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>Publish the draft: calls started from now on follow it (Ctrl+Shift+Enter)</source>
        <translation>发布草稿：此后开始的通话将按此流程进行（Ctrl+Shift+Enter）</translation>
    </message>
    <message>
        <source>Fix the problems in the Problems list first</source>
        <translation>请先修正问题列表中的问题</translation>
    </message>
    <message>
        <source>Publish script</source>
        <translation>发布流程</translation>
    </message>
    <message>
        <source>Publish version %1 of “%2”? Calls started from now on follow it; calls in progress keep the version they started with.</source>
        <translation>要发布“%2”的第 %1 版吗？此后开始的通话将按此版本进行；进行中的通话仍沿用开始时的版本。</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>发布(&amp;P)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved as draft version %1.</source>
        <translation>已保存为草稿第 %1 版。</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>正在发布…</translation>
    </message>
    <message>
        <source>Published version %1. Calls started from now on follow it.</source>
        <translation>已发布第 %1 版。此后开始的通话将按此版本进行。</translation>
    </message>
    <message>
        <source>Someone else saved this draft while you were editing it. Your changes are still here.</source>
        <translation>您编辑期间，其他人保存了这份草稿。您的修改仍保留在此。</translation>
    </message>
    <message>
        <source>This campaign already has a draft for that direction: open it from the list.</source>
        <translation>该营销活动的这个方向已有草稿：请从列表中打开。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Change note</source>
        <translation>修改说明</translation>
    </message>
    <message>
        <source>Draft changed</source>
        <translation>草稿已被修改</translation>
    </message>
    <message>
        <source>Someone else saved this draft while you were editing it. Reload their version (your changes are dropped), or keep yours: saving again then replaces theirs.</source>
        <translation>您编辑期间，其他人保存了这份草稿。可以加载对方的版本（放弃您的修改），或保留您的内容：再次保存将替换对方的版本。</translation>
    </message>
    <message>
        <source>&amp;Reload theirs</source>
        <translation>加载对方版本(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>保留我的(&amp;K)</translation>
    </message>
    <message>
        <source>Change n&amp;ote</source>
        <translation>修改说明(&amp;O)</translation>
    </message>
    <message>
        <source>What this version changes</source>
        <translation>本版本的修改内容</translation>
    </message>
    <message>
        <source>&amp;Edit as new draft</source>
        <translation>作为新草稿编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Copy this version into the campaign&apos;s draft (Ctrl+E)</source>
        <translation>把此版本复制到该营销活动的草稿中（Ctrl+E）</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>保存草稿(&amp;S)</translation>
    </message>
    <message>
        <source>Save the draft (Ctrl+S)</source>
        <translation>保存草稿（Ctrl+S）</translation>
    </message>
    <message>
        <source>&amp;Publish…</source>
        <translation>发布(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>EditorWords</name>
    <message>
        <source>Out</source>
        <translation>呼出</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>呼出</translation>
    </message>
    <message>
        <source>In</source>
        <translation>呼入</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>呼入</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Published %1</source>
        <translation>发布于 %1</translation>
    </message>
    <message>
        <source>No action</source>
        <translation>无操作</translation>
    </message>
    <message>
        <source>Order form</source>
        <translation>填写订单</translation>
    </message>
    <message>
        <source>Book a callback</source>
        <translation>预约回拨</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>小结</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>%1 (not a code of this campaign)</source>
        <translation>%1（不是本营销活动的小结代码）</translation>
    </message>
    <message>
        <source>Disposition: %1</source>
        <translation>小结：%1</translation>
    </message>
    <message>
        <source>Article: %1</source>
        <translation>文章：%1</translation>
    </message>
    <message>
        <source>The start step “%1” does not exist.</source>
        <translation>起始环节“%1”不存在。</translation>
    </message>
    <message>
        <source>Choose the step the script starts with.</source>
        <translation>请选择流程的起始环节。</translation>
    </message>
    <message>
        <source>The objection step “%1” does not exist.</source>
        <translation>异议环节“%1”不存在。</translation>
    </message>
    <message>
        <source>Step “%1” can never be reached from the start.</source>
        <translation>环节“%1”从起始环节无法到达。</translation>
    </message>
    <message>
        <source>Step “%1” has no answers: add at least one.</source>
        <translation>环节“%1”没有选项：请至少添加一个。</translation>
    </message>
    <message>
        <source>No disposition can be reached from step “%1” (a dead end or a loop without an exit).</source>
        <translation>从环节“%1”无法到达任何小结（死路，或没有出口的循环）。</translation>
    </message>
    <message>
        <source>Step “%1”: answer “%2” neither leads to a step nor triggers an action.</source>
        <translation>环节“%1”：选项“%2”既不通往任何环节，也不触发任何操作。</translation>
    </message>
    <message>
        <source>Unknown variable {%2} in step “%1”.</source>
        <translation>环节“%1”中有未知变量 {%2}。</translation>
    </message>
    <message>
        <source>Step “%1”: disposition code %2 does not belong to this campaign.</source>
        <translation>环节“%1”：小结代码 %2 不属于本营销活动。</translation>
    </message>
    <message>
        <source>Step “%1”: no published article has the key %2.</source>
        <translation>环节“%1”：没有标识为 %2 的已发布文章。</translation>
    </message>
    <message>
        <source>Step “%1”: answer “%2” leads to a step that does not exist (%3).</source>
        <translation>环节“%1”：选项“%2”通往一个不存在的环节（%3）。</translation>
    </message>
    <message>
        <source>Step “%1”: %2</source>
        <translation>环节“%1”：%2</translation>
    </message>
    <message>
        <source>Step “%1”: answer %2 needs a label.</source>
        <translation>环节“%1”：选项 %2 需要填写名称。</translation>
    </message>
    <message>
        <source>Step “%1”: the label of answer %2 is too long (at most 100 characters).</source>
        <translation>环节“%1”：选项 %2 的名称太长（最多 100 个字符）。</translation>
    </message>
    <message>
        <source>Step “%1”: answer %2 needs the key of an article.</source>
        <translation>环节“%1”：选项 %2 需要填写文章标识。</translation>
    </message>
    <message>
        <source>Step “%1”: answer %2 is not valid.</source>
        <translation>环节“%1”：选项 %2 无效。</translation>
    </message>
    <message>
        <source>Step “%1” needs a title.</source>
        <translation>环节“%1”需要填写标题。</translation>
    </message>
    <message>
        <source>Step “%1” needs its text: what the agent says.</source>
        <translation>环节“%1”需要填写内容：坐席要说的话。</translation>
    </message>
    <message>
        <source>Step “%1”: an id is 1-64 letters, digits, _ and - (e.g. offer_upgrade).</source>
        <translation>环节“%1”：ID 须为 1-64 个字母、数字、_ 或 -（如 offer_upgrade）。</translation>
    </message>
    <message>
        <source>Step “%1”: the %2 is too long (titles at most 100 characters, texts 4,000).</source>
        <translation>环节“%1”：%2过长（标题最多 100 个字符，内容最多 4000 个字符）。</translation>
    </message>
    <message>
        <source>Step “%1”: “required” must be yes or no.</source>
        <translation>环节“%1”：“必须”只能是是或否。</translation>
    </message>
    <message>
        <source>Step “%1” has too many answers: at most 9, one per number key.</source>
        <translation>环节“%1”的选项过多：最多 9 个，每个对应一个数字键。</translation>
    </message>
    <message>
        <source>Step “%1”: the %2 is not valid.</source>
        <translation>环节“%1”：%2无效。</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>English title</source>
        <translation>英文标题</translation>
    </message>
    <message>
        <source>text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>English text</source>
        <translation>英文内容</translation>
    </message>
    <message>
        <source>required mark</source>
        <translation>必须标记</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Script value “%1”: a name is lowercase letters, digits and _, in parts separated by dots (e.g. operator.name).</source>
        <translation>流程变量“%1”：名称只能使用小写字母、数字和 _，各部分以点分隔（如 operator.name）。</translation>
    </message>
    <message>
        <source>Script value “%1” is too long: at most %2 characters.</source>
        <translation>流程变量“%1”太长：最多 %2 个字符。</translation>
    </message>
    <message>
        <source>Too many objection steps (at most 50).</source>
        <translation>异议环节过多（最多 50 个）。</translation>
    </message>
    <message>
        <source>The script has too many steps (at most 500).</source>
        <translation>流程的环节太多（最多 500 个）。</translation>
    </message>
    <message>
        <source>The script has no steps: add one.</source>
        <translation>流程没有环节：请添加一个。</translation>
    </message>
    <message>
        <source>The script is not valid (%1: %2).</source>
        <translation>流程无效（%1：%2）。</translation>
    </message>
</context>
<context>
    <name>FunnelHeaders</name>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>到达</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>成交</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>Share of calls</source>
        <translation>通话占比</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Chosen</source>
        <translation>选择次数</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>流失</translation>
    </message>
    <message>
        <source>Lost %</source>
        <translation>流失率</translation>
    </message>
</context>
<context>
    <name>FunnelView</name>
    <message>
        <source>Counting the calls…</source>
        <translation>正在统计通话…</translation>
    </message>
    <message>
        <source>Open a version to see how its calls went.</source>
        <translation>请打开一个版本，查看该版本的通话效果。</translation>
    </message>
    <message>
        <source>No call has followed this version yet.</source>
        <translation>还没有通话使用过此版本。</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) followed this version</source>
        <translation>
            <numerusform>%n 通电话使用了此版本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sale(s)</source>
        <translation>
            <numerusform>%n 笔成交</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2, %3 conversion.</source>
        <translation>%1：%2，转化率 %3。</translation>
    </message>
    <message>
        <source>Calls per step</source>
        <translation>各环节通话数</translation>
    </message>
    <message>
        <source>Answers that lose most calls</source>
        <translation>流失通话最多的选项</translation>
    </message>
</context>
<context>
    <name>Headers</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Customer no.</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Talk time</source>
        <translation>通话时长</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>配送方式</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Import results: %1</source>
        <translation>导入结果：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) read</source>
        <translation>
            <numerusform>已读取 %n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) can be saved</source>
        <translation>
            <numerusform>%n 条结果可以保存</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2; %3; %4. Nothing is saved until you confirm.</source>
        <translation>%1：%2；%3；%4。确认之前不会保存任何内容。</translation>
    </message>
    <message>
        <source>&amp;Rows that will not be saved</source>
        <translation>不会保存的行(&amp;R)</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Save %n result(s)</source>
        <translation>
            <numerusform>保存 %n 条结果(&amp;S)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KnowledgeArea</name>
    <message>
        <source>Open an article first: Ctrl+K searches.</source>
        <translation>请先打开一篇文章：Ctrl+K 搜索。</translation>
    </message>
    <message>
        <source>Added to the call notes.</source>
        <translation>已放入通话备注。</translation>
    </message>
    <message>
        <source>No call in progress: the text was copied to the clipboard.</source>
        <translation>当前没有通话：文字已复制到剪贴板。</translation>
    </message>
    <message>
        <source>Question sent to the trainers. Their answer will appear under Knowledge › My questions.</source>
        <translation>问题已发送给训导师。答复会显示在“知识库 › 我的提问”中。</translation>
    </message>
    <message>
        <source>Knowledge base</source>
        <translation>知识库</translation>
    </message>
</context>
<context>
    <name>KnowledgePanel</name>
    <message>
        <source>No articles match “%1”.</source>
        <translation>没有与“%1”匹配的文章。</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <source>That article is not available.</source>
        <translation>该文章不可用。</translation>
    </message>
    <message>
        <source>Search the knowledge base (Ctrl+K)</source>
        <translation>搜索知识库 (Ctrl+K)</translation>
    </message>
    <message>
        <source>Search the knowledge base</source>
        <translation>搜索知识库</translation>
    </message>
    <message>
        <source>Articles found</source>
        <translation>找到的文章</translation>
    </message>
    <message>
        <source>Articles appear here as you type.</source>
        <translation>输入时，匹配的文章会显示在这里。</translation>
    </message>
</context>
<context>
    <name>KnowledgeWords</name>
    <message>
        <source>FAQ</source>
        <translation>常见问题</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Objection handling</source>
        <translation>异议处理</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>升级规则</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>规范</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待答复</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <source>Published as an article</source>
        <translation>已发布为文章</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Outbound</source>
        <translation>呼出</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>呼入</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Landline</source>
        <translation>固话</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>训导师</translation>
    </message>
    <message>
        <source>Script developer</source>
        <translation>流程设计师</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Home delivery</source>
        <translation>上门配送</translation>
    </message>
    <message>
        <source>Hall pick-up</source>
        <translation>营业厅自提</translation>
    </message>
    <message>
        <source>Cash on delivery</source>
        <translation>货到付款</translation>
    </message>
    <message>
        <source>Pay at the hall</source>
        <translation>营业厅付款</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>已派送</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>Delivery failed</source>
        <translation>配送失败</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒收</translation>
    </message>
    <message>
        <source>Rescheduled</source>
        <translation>已改约</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
</context>
<context>
    <name>LinesEditor</name>
    <message>
        <source>Offer: %1 (%2 instead of %3). Eligibility: %4</source>
        <translation>优惠：%1（%2，原价 %3）。办理条件：%4</translation>
    </message>
    <message>
        <source>Type part of a product&apos;s name or code and pick it.</source>
        <translation>请输入商品名称或编码的一部分并选中。</translation>
    </message>
    <message>
        <source>A discount is an amount in yuan with at most 2 decimals.</source>
        <translation>折扣为人民币金额，最多两位小数。</translation>
    </message>
    <message>
        <source>A discount cannot be more than the line&apos;s price.</source>
        <translation>折扣不能超过该行金额。</translation>
    </message>
    <message>
        <source>Pro&amp;duct:</source>
        <translation>商品(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Qty:</source>
        <translation>数量(&amp;Q)：</translation>
    </message>
    <message>
        <source>Op&amp;tions:</source>
        <translation>选项(&amp;T)：</translation>
    </message>
    <message>
        <source>Disc&amp;ount ¥:</source>
        <translation>折扣 ¥(&amp;O)：</translation>
    </message>
    <message>
        <source>Add line (Enter)</source>
        <translation>添加一行（Enter）</translation>
    </message>
    <message>
        <source>Type a name or code, e.g. 169</source>
        <translation>输入名称或编码，如 169</translation>
    </message>
    <message>
        <source>Colour, storage...</source>
        <translation>颜色、容量……</translation>
    </message>
    <message>
        <source>Delete removes the selected line.</source>
        <translation>按 Delete 删除选中的行。</translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>小计</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in to AgentDesk</source>
        <translation>登录坐席工作台</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sync needs an upgrade</source>
        <translation>同步需要升级</translation>
    </message>
    <message>
        <source>Ready: take calls</source>
        <translation>就绪：开始接听电话</translation>
    </message>
    <message>
        <source>Not ready, with a reason</source>
        <translation>未就绪（需选择原因）</translation>
    </message>
    <message>
        <source>Next contact (the record opens before dialing)</source>
        <translation>下一个联系人（拨号前先打开客户资料）</translation>
    </message>
    <message>
        <source>Dial the number in the call bar, or answer a ringing call</source>
        <translation>拨打通话栏中的号码，或接听振铃中的来电</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>挂断</translation>
    </message>
    <message>
        <source>Hold or resume</source>
        <translation>保持或恢复通话</translation>
    </message>
    <message>
        <source>Mute or unmute</source>
        <translation>静音或取消静音</translation>
    </message>
    <message>
        <source>Transfer the call</source>
        <translation>转接通话</translation>
    </message>
    <message>
        <source>The customer consents to recording</source>
        <translation>客户同意录音</translation>
    </message>
    <message>
        <source>The customer declines recording</source>
        <translation>客户拒绝录音</translation>
    </message>
    <message>
        <source>Type a number (digits are sent as tones during a call)</source>
        <translation>输入号码（通话中输入的数字以按键音发送）</translation>
    </message>
    <message>
        <source>Type call notes</source>
        <translation>填写通话备注</translation>
    </message>
    <message>
        <source>Show the callbacks list (Enter calls back)</source>
        <translation>显示回拨列表（按 Enter 回拨）</translation>
    </message>
    <message>
        <source>Show the call script; 1-9 choose an answer, 0 the objections, Backspace goes back</source>
        <translation>显示沟通流程；1-9 选择选项，0 打开异议，Backspace 返回上一环节</translation>
    </message>
    <message>
        <source>Take an order for the customer on the call (Ctrl+Enter: read-back, then save)</source>
        <translation>为通话中的客户下单（Ctrl+Enter：复述，再保存）</translation>
    </message>
    <message>
        <source>Delivery desk: round loads, dispatch sheets, delivery results</source>
        <translation>配送台：批次负荷、派送单、配送结果</translation>
    </message>
    <message>
        <source>Search the knowledge base (Esc goes back)</source>
        <translation>搜索知识库（Esc 返回）</translation>
    </message>
    <message>
        <source>Put the article&apos;s answer, or the selected text, into the call notes</source>
        <translation>把文章的简答或选中的文字放入通话备注</translation>
    </message>
    <message>
        <source>Ask the trainers a question (Enter sends)</source>
        <translation>向训导师提问（Enter 发送）</translation>
    </message>
    <message>
        <source>Find a customer by phone, name or number</source>
        <translation>按电话、姓名或编号查找客户</translation>
    </message>
    <message>
        <source>Add a customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Edit the open customer</source>
        <translation>编辑当前客户</translation>
    </message>
    <message>
        <source>Reload the open customer</source>
        <translation>刷新当前客户资料</translation>
    </message>
    <message>
        <source>Sync with the server now</source>
        <translation>立即与服务器同步</translation>
    </message>
    <message>
        <source>Show rejected changes and conflicts</source>
        <translation>查看被拒绝的更改和冲突</translation>
    </message>
    <message>
        <source>Switch between Chinese and English</source>
        <translation>在中文和英文之间切换</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>During wrap-up: store the disposition on that key</source>
        <translation>话后处理时：保存该键对应的小结</translation>
    </message>
    <message>
        <source>During wrap-up: store the selected disposition</source>
        <translation>话后处理时：保存所选小结</translation>
    </message>
    <message>
        <source>Open the selected search result</source>
        <translation>打开选中的搜索结果</translation>
    </message>
    <message>
        <source>Move through search results</source>
        <translation>在搜索结果中移动</translation>
    </message>
    <message>
        <source>Save the form</source>
        <translation>保存表单</translation>
    </message>
    <message>
        <source>Close the form without saving</source>
        <translation>关闭表单，不保存</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>About AgentDesk</source>
        <translation>关于坐席工作台</translation>
    </message>
    <message>
        <source>AgentDesk %1
The agent console for telesales call centers.</source>
        <translation>坐席工作台 %1
面向电话营销呼叫中心的坐席工作台。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Knowledge</source>
        <translation>知识库(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>同步(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Customer record</source>
        <translation>客户资料</translation>
    </message>
    <message>
        <source>AgentDesk</source>
        <translation>坐席工作台</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>AgentDesk — %1</source>
        <translation>坐席工作台 — %1</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>The disk is full. Free some space; nothing typed so far has been lost, and you can try again.</source>
        <translation>磁盘已满。请释放一些空间；已输入的内容没有丢失，可以重试。</translation>
    </message>
    <message>
        <source>The database file is read-only. Ask your administrator to give AgentDesk write access to %1.</source>
        <translation>数据库文件为只读。请联系管理员为坐席工作台开放 %1 的写入权限。</translation>
    </message>
    <message>
        <source>The database file %1 is damaged or is not an AgentDesk database. It has not been changed; ask your administrator to restore it.</source>
        <translation>数据库文件 %1 已损坏或不是坐席工作台数据库。该文件未被改动；请联系管理员恢复。</translation>
    </message>
    <message>
        <source>The database is busy in another program. Try again in a moment.</source>
        <translation>数据库正被其他程序占用，请稍后重试。</translation>
    </message>
    <message>
        <source>The disk could not be read or written. Check the drive and try again.</source>
        <translation>磁盘无法读写。请检查磁盘后重试。</translation>
    </message>
    <message>
        <source>The database %1 cannot be opened. Check that the folder exists and is writable.</source>
        <translation>无法打开数据库 %1。请检查该文件夹是否存在且可写。</translation>
    </message>
    <message>
        <source>There is no database at %1.</source>
        <translation>%1 处没有数据库。</translation>
    </message>
    <message numerus="yes">
        <source>Wrong username or password. %n more attempt(s) before the account is locked.</source>
        <translation>
            <numerusform>用户名或密码错误。再错 %n 次账户将被锁定。</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many failed sign-ins. The account is locked until %1.</source>
        <translation>登录失败次数过多，账户已锁定至 %1。</translation>
    </message>
    <message>
        <source>This workspace has no users yet. An administrator adds the first one with: agentdesk-admin user add --profile FOLDER NAME</source>
        <translation>此工作区还没有用户。请管理员用以下命令添加第一个用户：agentdesk-admin user add --profile 文件夹 用户名</translation>
    </message>
    <message>
        <source>This account is disabled. Ask your supervisor.</source>
        <translation>此账户已停用，请联系主管。</translation>
    </message>
    <message>
        <source>Someone else saved this customer while you were editing. Your changes are still in the form: press Save again to replace theirs with yours, or Cancel to keep theirs.</source>
        <translation>您编辑期间，其他人已保存了此客户。您的修改仍在表单中：再次点击“保存”将以您的版本覆盖，点击“取消”则保留对方的版本。</translation>
    </message>
    <message>
        <source>The record no longer exists.</source>
        <translation>该记录已不存在。</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>您的角色无权执行此操作。</translation>
    </message>
    <message>
        <source>A sale can only be saved once the script&apos;s required steps (identity check, recording consent, order read-back…) have been passed. Go through them in the script, then save again.</source>
        <translation>只有通过沟通流程中的必须环节（身份核实、录音同意、订单复述…）后，才能保存成交。请在流程中完成这些环节，然后再次保存。</translation>
    </message>
    <message>
        <source>Saved on the server, but this computer could not fetch it back yet. It appears here with the next sync (F9).</source>
        <translation>已保存到服务器，但本机暂时未能取回，下次同步（F9）后即可看到。</translation>
    </message>
    <message numerus="yes">
        <source>The script cannot be published yet: %n problem(s) to fix.</source>
        <translation>
            <numerusform>流程暂不能发布：有 %n 个问题需要修正。</numerusform>
        </translation>
    </message>
    <message>
        <source>Some fields need attention.</source>
        <translation>部分字段需要修改。</translation>
    </message>
    <message>
        <source>The server cannot be reached. Your changes are kept on this computer and sent as soon as the server answers again.</source>
        <translation>无法连接服务器。您的更改已保存在本机，服务器恢复响应后会立即发送。</translation>
    </message>
    <message>
        <source>Choose a disposition for the last call first.</source>
        <translation>请先为上一通电话选择小结。</translation>
    </message>
    <message>
        <source>Finish the call first.</source>
        <translation>请先结束当前通话。</translation>
    </message>
    <message>
        <source>The system keyring is not available, so the server password cannot be kept safely: %1</source>
        <translation>系统密钥环不可用，无法安全保存服务器密码：%1</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>出现问题：%1</translation>
    </message>
    <message>
        <source>This number is on the do-not-call list. It was not dialled.</source>
        <translation>此号码在免打扰名单中，未拨出。</translation>
    </message>
    <message>
        <source>It is outside calling hours where this customer lives. The number was not dialled.</source>
        <translation>当前不在客户所在地的允许呼叫时段内，号码未拨出。</translation>
    </message>
    <message>
        <source>That is not a valid phone number.</source>
        <translation>这不是有效的电话号码。</translation>
    </message>
    <message>
        <source>Your changes are kept on this computer until then.</source>
        <translation>在此之前，您的更改会保存在本机。</translation>
    </message>
    <message>
        <source>The server database has not been set up for AgentDesk, so this computer cannot sync. Ask your administrator to run agentdesk-admin init-server.</source>
        <translation>服务器数据库尚未为 AgentDesk 初始化，本机无法同步。请管理员运行 agentdesk-admin init-server。</translation>
    </message>
    <message>
        <source>The server uses a newer version of AgentDesk than this computer, so they cannot sync. Ask your administrator to upgrade AgentDesk on this computer.</source>
        <translation>服务器使用的 AgentDesk 版本比本机新，二者无法同步。请管理员升级本机的 AgentDesk。</translation>
    </message>
    <message>
        <source>This computer uses a newer version of AgentDesk than the server database, so they cannot sync. Ask your administrator to upgrade the server database (agentdesk-admin init-server).</source>
        <translation>本机使用的 AgentDesk 版本比服务器数据库新，二者无法同步。请管理员升级服务器数据库（agentdesk-admin init-server）。</translation>
    </message>
    <message>
        <source>This computer and the server use versions of AgentDesk that cannot sync with each other. Ask your administrator to upgrade the older one.</source>
        <translation>本机与服务器使用的 AgentDesk 版本无法相互同步。请管理员升级较旧的一方。</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <source>Too long.</source>
        <translation>太长。</translation>
    </message>
    <message>
        <source>Too many entries.</source>
        <translation>条目太多。</translation>
    </message>
    <message>
        <source>Not a valid phone number.</source>
        <translation>不是有效的电话号码。</translation>
    </message>
    <message>
        <source>Enter a phone number.</source>
        <translation>请输入电话号码。</translation>
    </message>
    <message>
        <source>The phone number is too long.</source>
        <translation>电话号码太长。</translation>
    </message>
    <message>
        <source>This number is already listed.</source>
        <translation>此号码已存在。</translation>
    </message>
    <message>
        <source>The label is too long.</source>
        <translation>说明太长。</translation>
    </message>
    <message>
        <source>Only one number can be the primary one.</source>
        <translation>只能有一个主号码。</translation>
    </message>
    <message>
        <source>Only one address can be the default.</source>
        <translation>只能有一个默认地址。</translation>
    </message>
    <message>
        <source>Enter the street and house number.</source>
        <translation>请输入街道和门牌号。</translation>
    </message>
    <message>
        <source>A postal code has 6 digits.</source>
        <translation>邮编为6位数字。</translation>
    </message>
    <message>
        <source>Already taken.</source>
        <translation>已被占用。</translation>
    </message>
    <message>
        <source>Not valid.</source>
        <translation>无效。</translation>
    </message>
</context>
<context>
    <name>MyDayStrip</name>
    <message>
        <source>Calls %1</source>
        <translation>通话 %1</translation>
    </message>
    <message>
        <source>Contacts %1</source>
        <translation>接触 %1</translation>
    </message>
    <message>
        <source>Talk time %1</source>
        <translation>通话时长 %1</translation>
    </message>
    <message>
        <source>Sales %1</source>
        <translation>成交 %1</translation>
    </message>
    <message>
        <source>target %1</source>
        <translation>目标 %1</translation>
    </message>
    <message>
        <source>Conversion %1</source>
        <translation>转化率 %1</translation>
    </message>
    <message>
        <source>Rank %1 of %2 today</source>
        <translation>今日排名 %1/%2</translation>
    </message>
    <message>
        <source>My day</source>
        <translation>今日业绩</translation>
    </message>
</context>
<context>
    <name>MyQuestionsDialog</name>
    <message>
        <source>You asked on %1:</source>
        <translation>您于 %1 提问：</translation>
    </message>
    <message>
        <source>No trainer has answered yet.</source>
        <translation>训导师尚未答复。</translation>
    </message>
    <message>
        <source>Declined by %1 on %2. The reason:</source>
        <translation>%1 于 %2 拒绝。原因：</translation>
    </message>
    <message>
        <source>%1 published the answer as an article on %2. Press Enter to read it.</source>
        <translation>%1 于 %2 将答复发布为文章。按 Enter 阅读。</translation>
    </message>
    <message>
        <source>%1 answered on %2:</source>
        <translation>%1 于 %2 答复：</translation>
    </message>
    <message>
        <source>Article: %1</source>
        <translation>文章：%1</translation>
    </message>
    <message>
        <source>My questions</source>
        <translation>我的提问</translation>
    </message>
    <message>
        <source>Questions you sent to the trainers, newest first. Press Enter on one published as an article to read it.</source>
        <translation>您发给训导师的问题，最新的在前。在已发布为文章的问题上按 Enter 即可阅读。</translation>
    </message>
</context>
<context>
    <name>NewScriptDialog</name>
    <message>
        <source>New script</source>
        <translation>新建流程</translation>
    </message>
    <message>
        <source>&amp;Campaign</source>
        <translation>营销活动(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Direction</source>
        <translation>方向(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
</context>
<context>
    <name>OrderArea</name>
    <message>
        <source>Open or add the customer&apos;s record first (Ctrl+F, Ctrl+N): an order needs a customer.</source>
        <translation>请先打开或新建客户档案（Ctrl+F、Ctrl+N）：订单需要对应客户。</translation>
    </message>
    <message>
        <source>Order %1 saved: total %2.</source>
        <translation>订单 %1 已保存：合计 %2。</translation>
    </message>
    <message>
        <source>Ta&amp;ke order…</source>
        <translation>下单(&amp;K)…</translation>
    </message>
    <message>
        <source>Deli&amp;very desk…</source>
        <translation>配送台(&amp;V)…</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Supervisor approval… (Ctrl+Shift+A)</source>
        <translation>主管审批…（Ctrl+Shift+A）</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>配送</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>Ha&amp;ll:</source>
        <translation>营业厅(&amp;L)：</translation>
    </message>
    <message>
        <source>Home delivery (Alt+H)</source>
        <translation>送货上门（Alt+H）</translation>
    </message>
    <message>
        <source>Pick-up at a hall (Alt+P)</source>
        <translation>营业厅自提（Alt+P）</translation>
    </message>
    <message>
        <source>&amp;Contact phone:</source>
        <translation>联系电话(&amp;C)：</translation>
    </message>
    <message>
        <source>Preferred ti&amp;me:</source>
        <translation>期望时间(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Round:</source>
        <translation>批次(&amp;R)：</translation>
    </message>
    <message>
        <source>Payment:</source>
        <translation>付款方式：</translation>
    </message>
    <message>
        <source>Real-name registration</source>
        <translation>实名登记</translation>
    </message>
    <message>
        <source>Holder&apos;s &amp;name:</source>
        <translation>机主姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>Resident &amp;ID:</source>
        <translation>身份证号(&amp;I)：</translation>
    </message>
    <message>
        <source>Notes for the courier or the hall</source>
        <translation>给配送员或营业厅的备注</translation>
    </message>
    <message>
        <source>Read back… (Ctrl+Enter)</source>
        <translation>复述订单…（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
    <message>
        <source>Close (Enter)</source>
        <translation>关闭（Enter）</translation>
    </message>
    <message>
        <source> (VIP room)</source>
        <translation>（VIP 室）</translation>
    </message>
    <message>
        <source>%1 · handover %2 · delivery %3 · %4/%5</source>
        <translation>%1 · 交接 %2 · 送达 %3 · %4/%5</translation>
    </message>
    <message>
        <source> · full</source>
        <translation> · 已满</translation>
    </message>
    <message>
        <source>No dispatch rounds are set up.</source>
        <translation>尚未设置派送批次。</translation>
    </message>
    <message>
        <source>Promise: delivered on %1; the courier calls %2-%3 on %4 to book the hour.</source>
        <translation>承诺：%1 送达；配送员于 %4 %2-%3 致电预约具体时间。</translation>
    </message>
    <message>
        <source>Promise: ready at the hall from %1.</source>
        <translation>承诺：%1 起可到营业厅自提。</translation>
    </message>
    <message>
        <source>%1 is full; the next round with room is offered. </source>
        <translation>%1 已满，已改为下一个有空位的批次。</translation>
    </message>
    <message>
        <source>This round is full: choose another one.</source>
        <translation>该批次已满，请选择其他批次。</translation>
    </message>
    <message>
        <source>Total %1 (list %2, discount %3)</source>
        <translation>合计 %1（原价 %2，折扣 %3）</translation>
    </message>
    <message>
        <source>Approved by a supervisor.</source>
        <translation>已获主管批准。</translation>
    </message>
    <message>
        <source>%1 · born %2 · age %3</source>
        <translation>%1 · 出生 %2 · %3 岁</translation>
    </message>
    <message>
        <source>Discount %1 on %2 (%3 %).</source>
        <translation>折扣 %1，订单金额 %2（%3 %）。</translation>
    </message>
    <message>
        <source>Order saved: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>订单已保存：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Read the order number to the customer. Total %1, delivery on %2.</source>
        <translation>请向客户读出订单号。合计 %1，%2 送达。</translation>
    </message>
    <message>
        <source>The round filled up while you were taking the order. The next round with room is chosen: tell the customer the new delivery date.</source>
        <translation>下单期间该批次已满，已改为下一个有空位的批次：请告知客户新的送达日期。</translation>
    </message>
    <message>
        <source>Close the form without saving the order?</source>
        <translation>不保存订单并关闭表单？</translation>
    </message>
</context>
<context>
    <name>OrderWords</name>
    <message>
        <source>Add at least one product.</source>
        <translation>请至少添加一件商品。</translation>
    </message>
    <message>
        <source>An order has at most 50 lines.</source>
        <translation>一个订单最多 50 行。</translation>
    </message>
    <message>
        <source>A product is no longer in the catalogue; remove its line.</source>
        <translation>有商品已下架，请删除该行。</translation>
    </message>
    <message>
        <source>Choose a product.</source>
        <translation>请选择商品。</translation>
    </message>
    <message>
        <source>The quantity is at least 1.</source>
        <translation>数量至少为 1。</translation>
    </message>
    <message>
        <source>At most 10 of one product per order.</source>
        <translation>同一商品每单最多 10 件。</translation>
    </message>
    <message>
        <source>The quantity is a whole number.</source>
        <translation>数量须为整数。</translation>
    </message>
    <message>
        <source>A discount cannot be more than the line&apos;s price.</source>
        <translation>折扣不能超过该行金额。</translation>
    </message>
    <message>
        <source>A discount is an amount in yuan with at most 2 decimals.</source>
        <translation>折扣为人民币金额，最多两位小数。</translation>
    </message>
    <message>
        <source>A discount cannot be negative.</source>
        <translation>折扣不能为负数。</translation>
    </message>
    <message>
        <source>The options are too long (100 characters).</source>
        <translation>选项过长（最多 100 个字符）。</translation>
    </message>
    <message>
        <source>This discount is beyond your authority: a supervisor must approve it (Ctrl+Shift+A).</source>
        <translation>该折扣超出您的权限，须由主管批准（Ctrl+Shift+A）。</translation>
    </message>
    <message>
        <source>This discount is beyond what a supervisor may grant (20 %).</source>
        <translation>该折扣超出主管可批准的上限（20 %）。</translation>
    </message>
    <message>
        <source>Enter the delivery address.</source>
        <translation>请输入送货地址。</translation>
    </message>
    <message>
        <source>The address is too long (300 characters).</source>
        <translation>地址过长（最多 300 个字符）。</translation>
    </message>
    <message>
        <source>The address is too short for a courier to find it.</source>
        <translation>地址过短，配送员无法找到。</translation>
    </message>
    <message>
        <source>The address needs a house, building or room number.</source>
        <translation>地址须包含门牌号、楼号或房号。</translation>
    </message>
    <message>
        <source>Enter the number the courier calls.</source>
        <translation>请输入配送员联系的电话号码。</translation>
    </message>
    <message>
        <source>Not a valid phone number.</source>
        <translation>电话号码无效。</translation>
    </message>
    <message>
        <source>Choose the hall the customer picks the order up at.</source>
        <translation>请选择客户自提的营业厅。</translation>
    </message>
    <message>
        <source>This hall no longer takes pick-ups.</source>
        <translation>该营业厅已不再办理自提。</translation>
    </message>
    <message>
        <source>Cash on delivery goes with home delivery, payment at the hall with pick-up.</source>
        <translation>送货上门为货到付款，营业厅自提为营业厅付款。</translation>
    </message>
    <message>
        <source>Enter the holder&apos;s name as on the ID card (real-name registration).</source>
        <translation>请输入与身份证一致的机主姓名（实名登记）。</translation>
    </message>
    <message>
        <source>The name is too long.</source>
        <translation>姓名过长。</translation>
    </message>
    <message>
        <source>A name has no digits.</source>
        <translation>姓名中不能有数字。</translation>
    </message>
    <message>
        <source>Enter the holder&apos;s resident ID number.</source>
        <translation>请输入机主的身份证号码。</translation>
    </message>
    <message>
        <source>A resident ID number has 18 characters.</source>
        <translation>身份证号码为 18 位。</translation>
    </message>
    <message>
        <source>This is an old 15-digit number; ask for the 18-character one.</source>
        <translation>这是旧的 15 位号码，请询问 18 位号码。</translation>
    </message>
    <message>
        <source>Only digits, and X as the last character.</source>
        <translation>只能是数字，最后一位可以是 X。</translation>
    </message>
    <message>
        <source>The first two digits are not a province.</source>
        <translation>前两位不是有效的省份代码。</translation>
    </message>
    <message>
        <source>The birth date in the number is not valid.</source>
        <translation>号码中的出生日期无效。</translation>
    </message>
    <message>
        <source>The check character does not match: a digit is wrong or two are swapped.</source>
        <translation>校验码不符：有一位输错或两位颠倒。</translation>
    </message>
    <message>
        <source>The holder is under 18 and cannot sign for this product.</source>
        <translation>机主未满 18 周岁，不能办理此业务。</translation>
    </message>
    <message>
        <source>The notes are too long (500 characters).</source>
        <translation>备注过长（最多 500 个字符）。</translation>
    </message>
    <message>
        <source>The approval note is too long.</source>
        <translation>审批原因过长。</translation>
    </message>
    <message>
        <source>A price changed since the read-back (an offer ended or a price was updated). Nothing was saved: close the form, take the order again and read it back.</source>
        <translation>复述之后价格有变（优惠已结束或价格已更新）。订单未保存：请关闭表单，重新下单并复述。</translation>
    </message>
    <message>
        <source>This customer is not on this workstation yet; open their record again.</source>
        <translation>本工作站上还没有该客户，请重新打开客户档案。</translation>
    </message>
    <message>
        <source>The call is not recorded on this workstation.</source>
        <translation>本工作站上没有该通话的记录。</translation>
    </message>
    <message>
        <source>That round has left; choose another one.</source>
        <translation>该批次已发出，请选择其他批次。</translation>
    </message>
    <message>
        <source>This round is full: choose another one.</source>
        <translation>该批次已满，请选择其他批次。</translation>
    </message>
    <message>
        <source>Choose a preferred time.</source>
        <translation>请选择期望时间。</translation>
    </message>
    <message>
        <source>That round no longer exists; choose another one.</source>
        <translation>该批次已不存在，请选择其他批次。</translation>
    </message>
    <message>
        <source>Not valid (%1).</source>
        <translation>无效（%1）。</translation>
    </message>
    <message>
        <source>No dispatch round takes orders at this time of day: ask your supervisor to check the rounds&apos; cut-off times.</source>
        <translation>当前时段没有派送批次接单：请主管检查各批次的截单时间。</translation>
    </message>
    <message>
        <source>No dispatch rounds are set up: ask your supervisor.</source>
        <translation>尚未设置派送批次：请联系主管。</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Hall</source>
        <translation>营业厅</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Holder&apos;s name</source>
        <translation>机主姓名</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Preferred time</source>
        <translation>期望时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Morning (9-12)</source>
        <translation>上午（9-12 点）</translation>
    </message>
    <message>
        <source>Afternoon (13-18)</source>
        <translation>下午（13-18 点）</translation>
    </message>
    <message>
        <source>Evening (18-21)</source>
        <translation>晚上（18-21 点）</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <source>Not ready</source>
        <translation>未就绪</translation>
    </message>
    <message>
        <source>Why are you not taking calls?</source>
        <translation>请选择暂停接听电话的原因：</translation>
    </message>
</context>
<context>
    <name>QuestionHeaders</name>
    <message>
        <source>Asked</source>
        <translation>提问时间</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation>答复人</translation>
    </message>
</context>
<context>
    <name>QuestionQueueDialog</name>
    <message>
        <source>No question is waiting.</source>
        <translation>没有待答复的问题。</translation>
    </message>
    <message>
        <source>Asked by %1 on %2</source>
        <translation>%1 于 %2 提问</translation>
    </message>
    <message>
        <source>Type the answer first.</source>
        <translation>请先输入答复。</translation>
    </message>
    <message>
        <source>Type the reason for declining, so the agent knows why.</source>
        <translation>请输入拒绝原因，让坐席知道为什么。</translation>
    </message>
    <message>
        <source>Declined. The agent sees your reason in My questions.</source>
        <translation>已拒绝。坐席会在“我的提问”中看到原因。</translation>
    </message>
    <message>
        <source>Answered. The agent sees your answer in My questions.</source>
        <translation>已答复。坐席会在“我的提问”中看到答复。</translation>
    </message>
    <message>
        <source>Published as the article “%1”. The agent is told in My questions.</source>
        <translation>已发布为文章“%1”。坐席会在“我的提问”中收到通知。</translation>
    </message>
    <message>
        <source>Another trainer handled this question meanwhile. The queue has been reloaded.</source>
        <translation>其他训导师已处理了这个问题。队列已重新加载。</translation>
    </message>
    <message>
        <source>Questions from agents</source>
        <translation>坐席的问题</translation>
    </message>
    <message>
        <source>Show &amp;handled questions</source>
        <translation>显示已处理的问题(&amp;H)</translation>
    </message>
    <message>
        <source>Your &amp;text: the answer, or the reason for declining</source>
        <translation>您的内容(&amp;T)：答复，或拒绝原因</translation>
    </message>
    <message>
        <source>&amp;Answer</source>
        <translation>答复(&amp;A)</translation>
    </message>
    <message>
        <source>Send the answer to the agent (Ctrl+Enter)</source>
        <translation>把答复发给坐席 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;Decline</source>
        <translation>拒绝(&amp;D)</translation>
    </message>
    <message>
        <source>Decline, with the text as the reason (Ctrl+D)</source>
        <translation>拒绝，以所填内容为原因 (Ctrl+D)</translation>
    </message>
    <message>
        <source>&amp;Publish as article…</source>
        <translation>发布为文章(&amp;P)…</translation>
    </message>
    <message>
        <source>Write a published article from the question and the answer (Ctrl+P)</source>
        <translation>用问题和答复写一篇发布的文章 (Ctrl+P)</translation>
    </message>
</context>
<context>
    <name>ReadBack</name>
    <message>
        <source>Read the order back to the customer. Save it only when they have confirmed every line.</source>
        <translation>请向客户复述订单，客户确认每一项后再保存。</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>返回（Esc）</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Customer confirmed: save (Ctrl+Enter)</source>
        <translation>客户已确认：保存（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>less %1</source>
        <translation>减 %1</translation>
    </message>
    <message>
        <source>Total to pay: %1</source>
        <translation>应付合计：%1</translation>
    </message>
    <message>
        <source> (discount %1)</source>
        <translation>（折扣 %1）</translation>
    </message>
    <message>
        <source>Delivered to: %1</source>
        <translation>送货地址：%1</translation>
    </message>
    <message>
        <source>On %1. The courier calls %2 on %3 between %4 and %5 to book the hour.</source>
        <translation>%1 送达。配送员将于 %3 %4-%5 致电 %2 预约具体时间。</translation>
    </message>
    <message>
        <source>Preferred time: %1</source>
        <translation>期望时间：%1</translation>
    </message>
    <message>
        <source>Pick-up at: %1, %2</source>
        <translation>自提地点：%1，%2</translation>
    </message>
    <message>
        <source>Ready from %1; the hall calls %2.</source>
        <translation>%1 起可自提，营业厅将致电 %2。</translation>
    </message>
    <message>
        <source>Payment: %1 (no card details are taken).</source>
        <translation>付款方式：%1（不收集任何银行卡信息）。</translation>
    </message>
    <message>
        <source>Registered to: %1, ID %2. Have the ID card ready: it is checked at the hand-over.</source>
        <translation>实名登记：%1，身份证 %2。请准备好身份证，交付时核验。</translation>
    </message>
    <message>
        <source>Notes: %1</source>
        <translation>备注：%1</translation>
    </message>
</context>
<context>
    <name>ResultDialog</name>
    <message>
        <source>Optional</source>
        <extracomment>The results in the order of their keys, 1 to 4.</extracomment>
        <translation>可选</translation>
    </message>
    <message>
        <source>Required: pick a usual reason or type one</source>
        <translation>必填：选择常见原因或自行输入</translation>
    </message>
    <message>
        <source>Delivery result of %1</source>
        <translation>%1 的配送结果</translation>
    </message>
    <message>
        <source>%1 · %2 · %3, %4</source>
        <translation>%1 · %2 · %3，%4</translation>
    </message>
    <message>
        <source>Key %1</source>
        <translation>按键 %1</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Amount collected (¥)</source>
        <translation>实收金额(&amp;A)（¥）</translation>
    </message>
    <message>
        <source>&amp;New date</source>
        <translation>新日期(&amp;N)</translation>
    </message>
    <message>
        <source>Reported &amp;by</source>
        <translation>反馈人(&amp;B)</translation>
    </message>
    <message>
        <source>Courier or hall clerk</source>
        <translation>配送员或营业厅工作人员</translation>
    </message>
    <message>
        <source>&amp;Save result</source>
        <translation>保存结果(&amp;S)</translation>
    </message>
</context>
<context>
    <name>ScriptArea</name>
    <message>
        <source>No script: the call belongs to no campaign.</source>
        <translation>无沟通流程：此通话不属于任何营销活动。</translation>
    </message>
    <message>
        <source>Loading the script…</source>
        <translation>正在加载沟通流程…</translation>
    </message>
    <message>
        <source>No script is published for this campaign.</source>
        <translation>此营销活动尚未发布沟通流程。</translation>
    </message>
    <message>
        <source>The script could not be loaded; the call goes on without it.</source>
        <translation>沟通流程无法加载，通话将在没有流程的情况下继续。</translation>
    </message>
    <message>
        <source>%1 · version %2</source>
        <translation>%1 · 第 %2 版</translation>
    </message>
    <message>
        <source>Wrap-up: the script stays open; steps can still be gone through before the disposition is saved.</source>
        <translation>话后处理：沟通流程保持打开，保存小结前仍可继续完成各环节。</translation>
    </message>
    <message>
        <source>The script starts with the call.</source>
        <translation>沟通流程随通话开始。</translation>
    </message>
    <message>
        <source>Disposition: %1</source>
        <translation>小结：%1</translation>
    </message>
    <message>
        <source>Opens the article</source>
        <translation>打开文章</translation>
    </message>
    <message>
        <source>Book a callback</source>
        <translation>预约回拨</translation>
    </message>
    <message>
        <source>Order form</source>
        <translation>填写订单</translation>
    </message>
    <message>
        <source>This campaign has no callback disposition.</source>
        <translation>此营销活动没有回拨小结。</translation>
    </message>
    <message>
        <source>Callback: pick the time in the customer&apos;s local time (Call panel); it is booked with the disposition.</source>
        <translation>回拨：请在通话面板中按客户当地时间选择回拨时间；保存小结时一并预约。</translation>
    </message>
    <message>
        <source>The script names a disposition this campaign does not have: %1</source>
        <translation>沟通流程引用了此营销活动没有的小结：%1</translation>
    </message>
    <message>
        <source>%1 selected: Ctrl+Enter saves it.</source>
        <translation>已选择 %1：按 Ctrl+Enter 保存。</translation>
    </message>
    <message>
        <source>%1 selected for wrap-up: hang up (F4), then Ctrl+Enter saves it.</source>
        <translation>已为话后处理选择 %1：先挂断（F4），再按 Ctrl+Enter 保存。</translation>
    </message>
    <message>
        <source>A sale can only be saved after these script steps: %1. Go through them in the script (Ctrl+G), then save again.</source>
        <translation>完成以下流程环节后才能保存成交：%1。请在沟通流程中完成这些环节（Ctrl+G），然后再次保存。</translation>
    </message>
    <message>
        <source>Call script</source>
        <translation>沟通流程</translation>
    </message>
</context>
<context>
    <name>ScriptEditor</name>
    <message>
        <source>All campaigns</source>
        <translation>全部营销活动</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>This draft has changes that are not saved. Discard them?</source>
        <translation>这份草稿有未保存的修改。要放弃吗？</translation>
    </message>
    <message>
        <source>Call scripts</source>
        <translation>沟通流程管理</translation>
    </message>
    <message>
        <source>&amp;Filter by campaign</source>
        <translation>按营销活动筛选(&amp;F)</translation>
    </message>
    <message>
        <source>New script…</source>
        <translation>新建流程…</translation>
    </message>
    <message>
        <source>Start a script for a campaign (Ctrl+N)</source>
        <translation>为营销活动新建沟通流程（Ctrl+N）</translation>
    </message>
</context>
<context>
    <name>ScriptPanel</name>
    <message>
        <source>The script starts with the call.</source>
        <translation>沟通流程随通话开始。</translation>
    </message>
    <message>
        <source>Objection — an answer without a next step returns to %1</source>
        <translation>异议 — 没有下一环节的选项将返回“%1”</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← 返回</translation>
    </message>
    <message>
        <source>Go back one step (Backspace, Alt+Left)</source>
        <translation>返回上一环节（Backspace、Alt+Left）</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必须</translation>
    </message>
    <message>
        <source>A compliance step: say it before a sale is recorded</source>
        <translation>合规环节：登记成交前必须向客户说明</translation>
    </message>
    <message>
        <source>Objections (key 0)</source>
        <translation>异议（按键 0）</translation>
    </message>
    <message>
        <source>Objections</source>
        <translation>异议</translation>
    </message>
    <message>
        <source>Script answer %1</source>
        <translation>流程选项 %1</translation>
    </message>
    <message>
        <source>Script objections</source>
        <translation>流程异议</translation>
    </message>
    <message>
        <source>Script: back one step</source>
        <translation>流程：返回上一环节</translation>
    </message>
</context>
<context>
    <name>ScriptWords</name>
    <message>
        <source>Order form</source>
        <translation>填写订单</translation>
    </message>
    <message>
        <source>Book a callback</source>
        <translation>预约回拨</translation>
    </message>
    <message>
        <source>Disposition: %1</source>
        <translation>小结：%1</translation>
    </message>
    <message>
        <source>Article: %1</source>
        <translation>文章：%1</translation>
    </message>
</context>
<context>
    <name>SoftphoneBar</name>
    <message>
        <source>Line free</source>
        <translation>线路空闲</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>已静音</translation>
    </message>
    <message>
        <source>Withheld number</source>
        <translation>隐藏号码</translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>未知来电</translation>
    </message>
    <message>
        <source>Number to dial (Ctrl+D)</source>
        <translation>拨打号码（Ctrl+D）</translation>
    </message>
    <message>
        <source>Type a number and press Enter to dial. During a call, digits typed here are sent as tones.</source>
        <translation>输入号码后按 Enter 拨号。通话中在此输入的数字将以按键音发送。</translation>
    </message>
    <message>
        <source>Keypad</source>
        <translation>拨号盘</translation>
    </message>
    <message>
        <source>Dial pad</source>
        <translation>打开拨号盘</translation>
    </message>
    <message>
        <source>Your state: Ready (Ctrl+Shift+R) or Not ready with a reason (Ctrl+Shift+P)</source>
        <translation>您的状态：就绪（Ctrl+Shift+R），或选择原因后未就绪（Ctrl+Shift+P）</translation>
    </message>
</context>
<context>
    <name>StepForm</name>
    <message>
        <source>An id is 1-64 letters, digits, &apos;_&apos; and &apos;-&apos;, without spaces.</source>
        <translation>ID 由 1-64 个字母、数字、“_”和“-”组成，不含空格。</translation>
    </message>
    <message>
        <source>Another step has this id.</source>
        <translation>已有其他环节使用此 ID。</translation>
    </message>
    <message>
        <source>I&amp;d</source>
        <translation>ID(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>Title (En&amp;glish)</source>
        <translation>标题（英文）(&amp;G)</translation>
    </message>
    <message>
        <source>Te&amp;xt</source>
        <translation>内容(&amp;X)</translation>
    </message>
    <message>
        <source>Text (Engl&amp;ish)</source>
        <translation>内容（英文）(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Required (compliance step)</source>
        <translation>必须环节（合规）(&amp;R)</translation>
    </message>
    <message>
        <source>Agents must pass this step before a sale is recorded: a statement, consent or read-back.</source>
        <translation>坐席必须先完成此环节才能登记成交：如声明、征得同意或复述确认。</translation>
    </message>
    <message>
        <source>Insert &amp;variable</source>
        <translation>插入变量(&amp;V)</translation>
    </message>
    <message>
        <source>Insert a variable at the cursor (Ctrl+Shift+I)</source>
        <translation>在光标处插入变量（Ctrl+Shift+I）</translation>
    </message>
    <message>
        <source>The step&apos;s key: answers lead to it. Renaming it renames it everywhere.</source>
        <translation>环节的 ID：选项通过它跳转到此环节。改名后，所有引用处会一并更新。</translation>
    </message>
</context>
<context>
    <name>StepHeaders</name>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>English label</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一环节</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>StepList</name>
    <message>
        <source>New step</source>
        <translation>新环节</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>删除环节</translation>
    </message>
    <message>
        <source>Answers of %1 lead to “%2”. Remove the step anyway? Those answers then lead nowhere until you change them.</source>
        <translation>环节%1的选项指向“%2”。仍要删除该环节吗？删除后，在您修改之前这些选项不指向任何环节。</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必须</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>异议</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>添加环节</translation>
    </message>
    <message>
        <source>Add a step after this one (Ctrl+Shift+N, Insert)</source>
        <translation>在此环节后添加环节（Ctrl+Shift+N、Insert）</translation>
    </message>
    <message>
        <source>Remove the step (Delete in the list)</source>
        <translation>删除该环节（在列表中按 Delete）</translation>
    </message>
    <message>
        <source>Set as start</source>
        <translation>设为起始环节</translation>
    </message>
    <message>
        <source>Calls start with this step (Ctrl+Shift+T)</source>
        <translation>通话从此环节开始（Ctrl+Shift+T）</translation>
    </message>
    <message>
        <source>Objection on/off</source>
        <translation>设为/取消异议</translation>
    </message>
    <message>
        <source>Put the step in the objection library, reachable from any step, or take it out (Ctrl+Shift+O)</source>
        <translation>将此环节加入异议库（可从任何环节进入），或将其移出（Ctrl+Shift+O）</translation>
    </message>
</context>
<context>
    <name>SyncIssueWords</name>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Kept value</source>
        <translation>保留的值</translation>
    </message>
    <message>
        <source>Overwritten value</source>
        <translation>被覆盖的值</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>工作站</translation>
    </message>
    <message>
        <source>Field conflict</source>
        <translation>字段冲突</translation>
    </message>
    <message>
        <source>Possible double contact</source>
        <translation>可能重复联系</translation>
    </message>
    <message>
        <source>Customer renumbered</source>
        <translation>客户已重新编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Customer phone</source>
        <translation>客户电话</translation>
    </message>
    <message>
        <source>Customer address</source>
        <translation>客户地址</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>回拨</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Call result</source>
        <translation>通话结果</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Order line</source>
        <translation>订单明细</translation>
    </message>
    <message>
        <source>Order status</source>
        <translation>订单状态</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Case event</source>
        <translation>工单记录</translation>
    </message>
    <message>
        <source>Agent state</source>
        <translation>坐席状态</translation>
    </message>
</context>
<context>
    <name>SyncIssuesDialog</name>
    <message>
        <source>Sync issues</source>
        <translation>同步问题</translation>
    </message>
    <message>
        <source>Rejected changes (%1)</source>
        <translation>被拒绝的更改 (%1)</translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation>冲突 (%1)</translation>
    </message>
    <message>
        <source>The server refused these changes for good. They are kept here so nothing is lost: tell your supervisor, who can enter them again if they are right.</source>
        <translation>服务器已永久拒绝这些更改。它们保留在这里，不会丢失：请告知主管，如内容无误，主管可以重新录入。</translation>
    </message>
    <message>
        <source>Someone else changed the same data. The kept value is now on every workstation; the overwritten value is shown so it can be entered again if it was the right one.</source>
        <translation>其他人修改了相同的数据。保留的值已同步到所有工作站；被覆盖的值显示在这里，如果它才是正确的，可以重新录入。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新加载(&amp;R)</translation>
    </message>
</context>
<context>
    <name>SyncStatusArea</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message>
        <source>Working locally (no server configured)</source>
        <translation>本地工作（未配置服务器）</translation>
    </message>
    <message>
        <source>Demo server (on this computer)</source>
        <translation>演示服务器（本机）</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>所有更改已保存</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n 项更改等待同步</numerusform>
        </translation>
    </message>
    <message>
        <source>oldest %1</source>
        <translation>最早一项已等待 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n 个冲突</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected change(s)</source>
        <translation>
            <numerusform>%n 项更改被拒绝</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the sync issues (Ctrl+Shift+Y)</source>
        <translation>查看同步问题 (Ctrl+Shift+Y)</translation>
    </message>
    <message>
        <source>Sync stopped: upgrade needed</source>
        <translation>同步已停止：需要升级</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Sync stopped after an error</source>
        <translation>同步因错误已停止</translation>
    </message>
    <message>
        <source>Press F9 to try again.</source>
        <translation>按 F9 重试。</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>同步失败</translation>
    </message>
    <message>
        <source>Offline — changes kept on this computer</source>
        <translation>离线 — 更改保存在本机</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <source>First sync…</source>
        <translation>首次同步…</translation>
    </message>
    <message>
        <source>Sending changes %p%</source>
        <translation>正在发送更改 %p%</translation>
    </message>
    <message>
        <source>First sync %p%</source>
        <translation>首次同步 %p%</translation>
    </message>
    <message>
        <source>The first sync copies the call center&apos;s data to this computer. You can keep working meanwhile.</source>
        <translation>首次同步会把呼叫中心的数据复制到本机，期间您可以继续工作。</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation>上次同步 %1</translation>
    </message>
</context>
<context>
    <name>ValuesEditor</name>
    <message>
        <source>The script&apos;s own variables, e.g. operator.name. The console&apos;s values (customer, agent, offer…) take precedence.</source>
        <translation>流程自带的变量，如 operator.name。同名时，以工作台提供的值（客户、坐席、优惠方案…）为准。</translation>
    </message>
    <message>
        <source>Add val&amp;ue</source>
        <translation>添加变量(&amp;U)</translation>
    </message>
    <message>
        <source>Add a value (Insert in the list)</source>
        <translation>添加变量（在列表中按 Insert）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the value (Delete)</source>
        <translation>删除该变量（Delete）</translation>
    </message>
</context>
<context>
    <name>ValuesModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>VersionHeaders</name>
    <message>
        <source>Campaign</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>流程</translation>
    </message>
    <message>
        <source>Dir.</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Ver.</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>No change note</source>
        <translation>无修改说明</translation>
    </message>
</context>
<context>
    <name>WrapUpPanel</name>
    <message>
        <source>No call to wrap up.</source>
        <translation>没有需要话后处理的通话。</translation>
    </message>
    <message>
        <source>Customer&apos;s local time (%1), now %2</source>
        <translation>客户当地时间（%1），现在 %2</translation>
    </message>
    <message>
        <source>Choose a disposition: press its F-key.</source>
        <translation>请选择小结：按对应的 F 键。</translation>
    </message>
    <message>
        <source>Talked %1</source>
        <translation>通话 %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>%1 over</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>话后处理</translation>
    </message>
    <message>
        <source>Call &amp;notes</source>
        <translation>通话备注(&amp;N)</translation>
    </message>
    <message>
        <source>Notes may be typed during the call (Ctrl+Shift+N).</source>
        <translation>通话中即可填写备注（Ctrl+Shift+N）。</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>预约回拨</translation>
    </message>
    <message>
        <source>Call &amp;back at</source>
        <translation>回拨时间(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Only me</source>
        <translation>仅限本人(&amp;O)</translation>
    </message>
    <message>
        <source>Anyone in my &amp;team</source>
        <translation>团队内任何人(&amp;T)</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>保存（Ctrl+Enter）</translation>
    </message>
</context>
<context>
    <name>_QuestionsDialog</name>
    <message>
        <source>&amp;Reload</source>
        <translation>重新加载(&amp;R)</translation>
    </message>
    <message>
        <source>Read the list again (F5)</source>
        <translation>重新读取列表 (F5)</translation>
    </message>
</context>
</TS>
