<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AnswersEditor</name>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label (Englis&amp;h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an answer (Ctrl+Shift+A); at most 9, on keys 1-9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the answer (Delete in the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the answer up (Alt+Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the answer down (Alt+Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article key, e.g. porting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>Supervisor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the discount is granted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account may not approve discounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A discount needs someone else&apos;s approval.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleEditorDialog</name>
    <message>
        <source>New article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else saved this article while you were editing it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else saved this article while you were editing it. Reload their version (your changes are dropped), or keep your text: saving again then replaces theirs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This article has changes that are not saved. Discard them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish as article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Knowledge base articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find by title or slug (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new article (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish the article and tell the agent (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the article (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleForm</name>
    <message>
        <source>Use lowercase letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the answer or the body.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sl&amp;ug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>St&amp;atus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta&amp;gs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pr&amp;oducts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ans&amp;wer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Body (Markdown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used in links: article:slug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Separate with commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product codes, separated with commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The short answer an agent reads out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleHeaders</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <source>No article open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+K: search from anywhere; type Chinese or English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑ ↓: choose a result; Enter: open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc: back to where you were</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+C: the answer (or the selected text) into the call notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+Q: ask the trainers; Enter sends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation rule (OLA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation rule (OLA): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 domain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tells the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leader escalation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>if still open %1 after opening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer at the front line (do not escalate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the customer first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information the escalation carries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer (Ctrl+Shift+C copies it into the call notes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>business</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>technical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this article in the other language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AskDialog</name>
    <message>
        <source>Type your question first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question is too long: at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the trainers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;question for the trainers. Their answer appears under Knowledge › My questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter sends · Shift+Enter starts a new line · Esc cancels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallArea</name>
    <message>
        <source>Finish the call and choose its disposition first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Press F2 for the next contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The callback time has already passed. Choose a later time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The callback time is outside calling hours where the customer lives. Choose a time inside them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This number is on the do-not-call list, so no callback can be booked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This disposition does not belong to the call&apos;s campaign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n callback(s) due</source>
        <translation>
            <numerusform>%n callback due</numerusform>
            <numerusform>%n callbacks due</numerusform>
        </translation>
    </message>
    <message>
        <source>Transfer the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer to number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulate an incoming call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller&apos;s number (empty: withheld):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My day</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallController</name>
    <message>
        <source>You will be not ready after this call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get ready first (Ctrl+Shift+R) to take the next contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No outbound campaign is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a number to dial, or press F2 for the next contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a valid phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call has already ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only 0-9, * and # can be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incoming calls are only offered while you are ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The line is busy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed call from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a withheld number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallPanel</name>
    <message>
        <source>Attempt %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last result: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>do not call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer&apos;s local time: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not asked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording consent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to call now: every remaining contact is outside calling hours. Calling opens again at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to call: the server cannot be reached and no contacts are held on this computer. Calls you receive still work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to call: this campaign is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to call: every contact of this campaign is done or not due yet. Due callbacks appear in the Callbacks list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a call: F4 hang up · F6 hold · F7 mute · F8 transfer · Alt+Y/Alt+N consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the disposition with its F-key (F1-F12); Ctrl+Enter saves the selected one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the record, then press F3 to dial.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press F2 for the next contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ca&amp;mpaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;umber</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallWords</name>
    <message>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Just signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lunch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coaching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the number…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incoming call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ringing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You hung up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer hung up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The caller hung up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not called yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallbackHeaders</name>
    <message>
        <source>Due (customer&apos;s time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallbacksPanel</name>
    <message numerus="yes">
        <source>%n callback(s) due now</source>
        <translation>
            <numerusform>%n callback due now</numerusform>
            <numerusform>%n callbacks due now</numerusform>
        </translation>
    </message>
    <message>
        <source>No callback is due.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <source>Opening the workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone configured for this computer cannot be used, so the training phone (simulated calls) is in use instead. Tell your administrator: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AgentDesk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsoleActions</name>
    <message>
        <source>&amp;Find customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch &amp;language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset panel layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dial / answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hang up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>H&amp;old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Transfer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not read&amp;y…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consents to recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declines recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number &amp;field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call n&amp;otes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Callbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulate an &amp;incoming call…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy answer into call notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ask trainers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;My questions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question &amp;queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;rticles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call &amp;script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script &amp;editor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync &amp;issues…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About AgentDesk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>AgentDesk hit an unexpected error and may need a restart. The details were written to %1; please send that file to your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerEditor</name>
    <message>
        <source>New customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Separate tags with commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phones (number, label, primary)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addresses (province, city, district, street, postal code, default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number, any format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label, e.g. office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street and number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerRecordView</name>
    <message>
        <source>No address on file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer open.
Find one by phone number, name or customer number (Ctrl+F).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit this customer (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerSearch</name>
    <message>
        <source>No customer found. Press Ctrl+N to add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) found</source>
        <translation>
            <numerusform>%n customer found</numerusform>
            <numerusform>%n customers found</numerusform>
        </translation>
    </message>
    <message>
        <source>Phone, last 4+ digits, name or customer no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find customer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeliveryDesk</name>
    <message>
        <source>Delivery desk</source>
        <extracomment>Asks where to save a file: (title, suggested path, filter) -&gt; the path, None if cancelled. Asks which file to open: (title, filter) -&gt; the path, None if cancelled.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a handover on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · handover %2 · booking calls %3-%4 · delivery %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hall &amp;pick-ups on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, cash to collect %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n order</numerusform>
            <numerusform>%n orders</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Handovers (Ctrl+1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hall &amp;pick-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet &amp;for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery team (home deliveries)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only supervisors (the delivery desk) can do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the sheet as a CSV file (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the sheet as a printable PDF (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark handed over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the sheet&apos;s orders as dispatched (Ctrl+H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter result…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the delivery result of the chosen order (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import results…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a results file from the delivery team or a hall (Ctrl+I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read everything again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskActions</name>
    <message>
        <source>CSV files (*.csv)</source>
        <extracomment>The statuses a hand-over sends out.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the dispatch sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n order</numerusform>
            <numerusform>%n orders</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to hand over: every order on this sheet has gone out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Hand %n order(s) over to %1? They will be marked as dispatched.</source>
        <translation>
            <numerusform>Hand %n order over to %1? They will be marked as dispatched.</numerusform>
            <numerusform>Hand %n orders over to %1? They will be marked as dispatched.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Hand over</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Handed over %n order(s).</source>
        <translation>
            <numerusform>Handed over %n order.</numerusform>
            <numerusform>Handed over %n orders.</numerusform>
        </translation>
    </message>
    <message>
        <source>the delivery team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the delivery team and the halls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is closed (%2): no result can follow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2. A callback was booked for %3, who took the order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2. No callback was needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import delivery results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results files (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) saved</source>
        <translation>
            <numerusform>%n result saved</numerusform>
            <numerusform>%n results saved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message>
        <source>Results imported: %1, %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskWords</name>
    <message>
        <source>Delivered</source>
        <extracomment>The fields of check_result&apos;s codes: an import names such a problem ``&lt;field&gt;_&lt;code&gt;``.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rescheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody at home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone was not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong or incomplete address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID check did not match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer changed their mind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer says they did not order it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer disagrees with the price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The goods were damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer asked for another day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer is away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer asked for another time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is larger than %1 MB and was not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file holds no results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not text in UTF-8 or GB18030: save it again as &quot;CSV UTF-8&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first row is not a header row: it needs the columns 订单号 and 配送结果 (order_no and result).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column %1 is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two columns hold the same field: keep one of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has more than %1 rows: split it and import each part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A quotation mark opened here is never closed: the rest of the file was not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order number is blank.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown result: use delivered, failed, refused or rescheduled (已送达, 失败, 拒收, 改期).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount collected is not an amount in yuan such as 1299.00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new date is not a date such as 2026-12-03.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same order is already on line %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cell is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cell has text but no column name above it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no order %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order is already closed (delivered, refused or cancelled).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This result cannot follow the order&apos;s current status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reason is required for this result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an amount in yuan such as 1299.00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash on delivery: the amount collected must be the order total.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An amount collected is given only for a delivered order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rescheduled delivery needs its new date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new date must be after today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new date is more than %1 days ahead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new date is given only for a rescheduled delivery.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reporter&apos;s name is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not accepted (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sheet could not be saved as %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This round no longer exists. Press F5 to refresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This hall no longer exists. Press F5 to refresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This order no longer exists. Press F5 to refresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only supervisors (the delivery desk) can do this.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DispatchWords</name>
    <message>
        <source>Cash on delivery</source>
        <extracomment>The handovers table&apos;s column drawn as a load bar. The sheet table&apos;s address and items columns (long texts, cut to the column&apos;s width). A round or hall that is full, and one that is over its capacity. Which language the data&apos;s names are shown in: ``&quot;zh_CN&quot;`` or ``&quot;en&quot;``. A handover: the round and the day it hands over.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay at the hall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the hall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Morning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick-up at the hall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked / capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address or hall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftPane</name>
    <message>
        <source>In a call: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a version, or start a new script (Ctrl+N).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro&amp;blems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro&amp;blems to fix before publishing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro&amp;blems: none, the draft can be published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Funnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previe&amp;w — click the answers to walk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftWriter</name>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish the draft: calls started from now on follow it (Ctrl+Shift+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the problems in the Problems list first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish version %1 of “%2”? Calls started from now on follow it; calls in progress keep the version they started with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as draft version %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published version %1. Calls started from now on follow it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else saved this draft while you were editing it. Your changes are still here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This campaign already has a draft for that direction: open it from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else saved this draft while you were editing it. Reload their version (your changes are dropped), or keep yours: saving again then replaces theirs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change n&amp;ote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this version changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit as new draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy this version into the campaign&apos;s draft (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the draft (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Publish…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditorWords</name>
    <message>
        <source>Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book a callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not a code of this campaign)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disposition: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The start step “%1” does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the step the script starts with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The objection step “%1” does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step “%1” can never be reached from the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step “%1” has no answers: add at least one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No disposition can be reached from step “%1” (a dead end or a loop without an exit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step “%1”: answer “%2” neither leads to a step nor triggers an action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown variable {%2} in step “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step “%1”: disposition code %2 does not belong to this campaign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step “%1”: no published article has the key %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step “%1”: answer “%2” leads to a step that does not exist (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step “%1”: answer %2 needs a label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step “%1”: the label of answer %2 is too long (at most 100 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step “%1”: answer %2 needs the key of an article.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step “%1”: answer %2 is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step “%1” needs a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step “%1” needs its text: what the agent says.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step “%1”: an id is 1-64 letters, digits, _ and - (e.g. offer_upgrade).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step “%1”: the %2 is too long (titles at most 100 characters, texts 4,000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step “%1”: “required” must be yes or no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step “%1” has too many answers: at most 9, one per number key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step “%1”: the %2 is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script value “%1”: a name is lowercase letters, digits and _, in parts separated by dots (e.g. operator.name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script value “%1” is too long: at most %2 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many objection steps (at most 50).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script has too many steps (at most 500).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script has no steps: add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script is not valid (%1: %2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FunnelHeaders</name>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FunnelView</name>
    <message>
        <source>Counting the calls…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a version to see how its calls went.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No call has followed this version yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) followed this version</source>
        <translation>
            <numerusform>%n call followed this version</numerusform>
            <numerusform>%n calls followed this version</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sale(s)</source>
        <translation>
            <numerusform>%n sale</numerusform>
            <numerusform>%n sales</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2, %3 conversion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls per step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers that lose most calls</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Headers</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talk time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import results: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) read</source>
        <translation>
            <numerusform>%n row read</numerusform>
            <numerusform>%n rows read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) can be saved</source>
        <translation>
            <numerusform>%n result can be saved</numerusform>
            <numerusform>%n results can be saved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2; %3; %4. Nothing is saved until you confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rows that will not be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Save %n result(s)</source>
        <translation>
            <numerusform>&amp;Save %n result</numerusform>
            <numerusform>&amp;Save %n results</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KnowledgeArea</name>
    <message>
        <source>Open an article first: Ctrl+K searches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added to the call notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No call in progress: the text was copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question sent to the trainers. Their answer will appear under Knowledge › My questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Knowledge base</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KnowledgePanel</name>
    <message>
        <source>No articles match “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message>
        <source>That article is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the knowledge base (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the knowledge base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Articles found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Articles appear here as you type.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KnowledgeWords</name>
    <message>
        <source>FAQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objection handling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published as an article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Outbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script developer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hall pick-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash on delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay at the hall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rescheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinesEditor</name>
    <message>
        <source>Offer: %1 (%2 instead of %3). Eligibility: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type part of a product&apos;s name or code and pick it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A discount is an amount in yuan with at most 2 decimals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A discount cannot be more than the line&apos;s price.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro&amp;duct:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Qty:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Op&amp;tions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disc&amp;ount ¥:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add line (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a name or code, e.g. 169</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour, storage...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete removes the selected line.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in to AgentDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sync needs an upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready: take calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not ready, with a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next contact (the record opens before dialing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dial the number in the call bar, or answer a ringing call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold or resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute or unmute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer consents to recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer declines recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a number (digits are sent as tones during a call)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type call notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the callbacks list (Enter calls back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the call script; 1-9 choose an answer, 0 the objections, Backspace goes back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take an order for the customer on the call (Ctrl+Enter: read-back, then save)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery desk: round loads, dispatch sheets, delivery results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the knowledge base (Esc goes back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the article&apos;s answer, or the selected text, into the call notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the trainers a question (Enter sends)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a customer by phone, name or number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the open customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload the open customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync with the server now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show rejected changes and conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch between Chinese and English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>During wrap-up: store the disposition on that key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>During wrap-up: store the selected disposition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected search result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move through search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the form without saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About AgentDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AgentDesk %1
The agent console for telesales call centers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Knowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AgentDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AgentDesk — %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>The disk is full. Free some space; nothing typed so far has been lost, and you can try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file is read-only. Ask your administrator to give AgentDesk write access to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file %1 is damaged or is not an AgentDesk database. It has not been changed; ask your administrator to restore it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is busy in another program. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk could not be read or written. Check the drive and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 cannot be opened. Check that the folder exists and is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no database at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Wrong username or password. %n more attempt(s) before the account is locked.</source>
        <translation>
            <numerusform>Wrong username or password. %n more attempt before the account is locked.</numerusform>
            <numerusform>Wrong username or password. %n more attempts before the account is locked.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many failed sign-ins. The account is locked until %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace has no users yet. An administrator adds the first one with: agentdesk-admin user add --profile FOLDER NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is disabled. Ask your supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else saved this customer while you were editing. Your changes are still in the form: press Save again to replace theirs with yours, or Cancel to keep theirs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sale can only be saved once the script&apos;s required steps (identity check, recording consent, order read-back…) have been passed. Go through them in the script, then save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved on the server, but this computer could not fetch it back yet. It appears here with the next sync (F9).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The script cannot be published yet: %n problem(s) to fix.</source>
        <translation>
            <numerusform>The script cannot be published yet: %n problem to fix.</numerusform>
            <numerusform>The script cannot be published yet: %n problems to fix.</numerusform>
        </translation>
    </message>
    <message>
        <source>Some fields need attention.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot be reached. Your changes are kept on this computer and sent as soon as the server answers again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a disposition for the last call first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish the call first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keyring is not available, so the server password cannot be kept safely: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This number is on the do-not-call list. It was not dialled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is outside calling hours where this customer lives. The number was not dialled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a valid phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your changes are kept on this computer until then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server database has not been set up for AgentDesk, so this computer cannot sync. Ask your administrator to run agentdesk-admin init-server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server uses a newer version of AgentDesk than this computer, so they cannot sync. Ask your administrator to upgrade AgentDesk on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer uses a newer version of AgentDesk than the server database, so they cannot sync. Ask your administrator to upgrade the server database (agentdesk-admin init-server).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer and the server use versions of AgentDesk that cannot sync with each other. Ask your administrator to upgrade the older one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This number is already listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The label is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only one number can be the primary one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only one address can be the default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the street and house number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A postal code has 6 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not valid.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MyDayStrip</name>
    <message>
        <source>Calls %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talk time %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversion %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank %1 of %2 today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My day</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MyQuestionsDialog</name>
    <message>
        <source>You asked on %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No trainer has answered yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined by %1 on %2. The reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 published the answer as an article on %2. Press Enter to read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered on %2:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions you sent to the trainers, newest first. Press Enter on one published as an article to read it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewScriptDialog</name>
    <message>
        <source>New script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderArea</name>
    <message>
        <source>Open or add the customer&apos;s record first (Ctrl+F, Ctrl+N): an order needs a customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 saved: total %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta&amp;ke order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deli&amp;very desk…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor approval… (Ctrl+Shift+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ha&amp;ll:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home delivery (Alt+H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick-up at a hall (Alt+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Contact phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred ti&amp;me:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Round:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Real-name registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holder&apos;s &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident &amp;ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes for the courier or the hall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read back… (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (VIP room)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · handover %2 · delivery %3 · %4/%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dispatch rounds are set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promise: delivered on %1; the courier calls %2-%3 on %4 to book the hour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promise: ready at the hall from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is full; the next round with room is offered. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This round is full: choose another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total %1 (list %2, discount %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved by a supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · born %2 · age %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount %1 on %2 (%3 %).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order saved: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the order number to the customer. Total %1, delivery on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The round filled up while you were taking the order. The next round with room is chosen: tell the customer the new delivery date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the form without saving the order?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderWords</name>
    <message>
        <source>Add at least one product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An order has at most 50 lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A product is no longer in the catalogue; remove its line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quantity is at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most 10 of one product per order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quantity is a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A discount cannot be more than the line&apos;s price.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A discount is an amount in yuan with at most 2 decimals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A discount cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The options are too long (100 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This discount is beyond your authority: a supervisor must approve it (Ctrl+Shift+A).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This discount is beyond what a supervisor may grant (20 %).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the delivery address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address is too long (300 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address is too short for a courier to find it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address needs a house, building or room number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the number the courier calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the hall the customer picks the order up at.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This hall no longer takes pick-ups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash on delivery goes with home delivery, payment at the hall with pick-up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the holder&apos;s name as on the ID card (real-name registration).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name has no digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the holder&apos;s resident ID number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A resident ID number has 18 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is an old 15-digit number; ask for the 18-character one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only digits, and X as the last character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first two digits are not a province.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date in the number is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check character does not match: a digit is wrong or two are swapped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The holder is under 18 and cannot sign for this product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notes are too long (500 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The approval note is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A price changed since the read-back (an offer ended or a price was updated). Nothing was saved: close the form, take the order again and read it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This customer is not on this workstation yet; open their record again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call is not recorded on this workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That round has left; choose another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This round is full: choose another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a preferred time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That round no longer exists; choose another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not valid (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dispatch round takes orders at this time of day: ask your supervisor to check the rounds&apos; cut-off times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dispatch rounds are set up: ask your supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holder&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Morning (9-12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afternoon (13-18)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evening (18-21)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <source>Not ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why are you not taking calls?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionHeaders</name>
    <message>
        <source>Asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionQueueDialog</name>
    <message>
        <source>No question is waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked by %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the answer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the reason for declining, so the agent knows why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined. The agent sees your reason in My questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered. The agent sees your answer in My questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published as the article “%1”. The agent is told in My questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another trainer handled this question meanwhile. The queue has been reloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions from agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;handled questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;text: the answer, or the reason for declining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the answer to the agent (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Decline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decline, with the text as the reason (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Publish as article…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a published article from the question and the answer (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadBack</name>
    <message>
        <source>Read the order back to the customer. Save it only when they have confirmed every line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer confirmed: save (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>less %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total to pay: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (discount %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered to: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On %1. The courier calls %2 on %3 between %4 and %5 to book the hour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred time: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick-up at: %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready from %1; the hall calls %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment: %1 (no card details are taken).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered to: %1, ID %2. Have the ID card ready: it is checked at the hand-over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultDialog</name>
    <message>
        <source>Optional</source>
        <extracomment>The results in the order of their keys, 1 to 4.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required: pick a usual reason or type one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery result of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3, %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Amount collected (¥)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported &amp;by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Courier or hall clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save result</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScriptArea</name>
    <message>
        <source>No script: the call belongs to no campaign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the script…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No script is published for this campaign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script could not be loaded; the call goes on without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap-up: the script stays open; steps can still be gone through before the disposition is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script starts with the call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disposition: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens the article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book a callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This campaign has no callback disposition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback: pick the time in the customer&apos;s local time (Call panel); it is booked with the disposition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script names a disposition this campaign does not have: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 selected: Ctrl+Enter saves it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 selected for wrap-up: hang up (F4), then Ctrl+Enter saves it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sale can only be saved after these script steps: %1. Go through them in the script (Ctrl+G), then save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call script</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScriptEditor</name>
    <message>
        <source>All campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This draft has changes that are not saved. Discard them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call scripts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter by campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New script…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a script for a campaign (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScriptPanel</name>
    <message>
        <source>The script starts with the call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objection — an answer without a next step returns to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back one step (Backspace, Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A compliance step: say it before a sale is recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objections (key 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script answer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script objections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script: back one step</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScriptWords</name>
    <message>
        <source>Order form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book a callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disposition: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SoftphoneBar</name>
    <message>
        <source>Line free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Muted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withheld number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number to dial (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a number and press Enter to dial. During a call, digits typed here are sent as tones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keypad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dial pad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your state: Ready (Ctrl+Shift+R) or Not ready with a reason (Ctrl+Shift+P)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepForm</name>
    <message>
        <source>An id is 1-64 letters, digits, &apos;_&apos; and &apos;-&apos;, without spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another step has this id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&amp;d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title (En&amp;glish)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Te&amp;xt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text (Engl&amp;ish)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Required (compliance step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents must pass this step before a sale is recorded: a statement, consent or read-back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert &amp;variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert a variable at the cursor (Ctrl+Shift+I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step&apos;s key: answers lead to it. Renaming it renames it everywhere.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepHeaders</name>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepList</name>
    <message>
        <source>New step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers of %1 lead to “%2”. Remove the step anyway? Those answers then lead nowhere until you change them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a step after this one (Ctrl+Shift+N, Insert)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the step (Delete in the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set as start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls start with this step (Ctrl+Shift+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objection on/off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the step in the objection library, reachable from any step, or take it out (Ctrl+Shift+O)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncIssueWords</name>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overwritten value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible double contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer renumbered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent state</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncIssuesDialog</name>
    <message>
        <source>Sync issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected changes (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused these changes for good. They are kept here so nothing is lost: tell your supervisor, who can enter them again if they are right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed the same data. The kept value is now on every workstation; the overwritten value is shown so it can be entered again if it was the right one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatusArea</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message>
        <source>Working locally (no server configured)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo server (on this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n change waiting to sync</numerusform>
            <numerusform>%n changes waiting to sync</numerusform>
        </translation>
    </message>
    <message>
        <source>oldest %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected change(s)</source>
        <translation>
            <numerusform>%n rejected change</numerusform>
            <numerusform>%n rejected changes</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the sync issues (Ctrl+Shift+Y)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync stopped: upgrade needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync stopped after an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press F9 to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — changes kept on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First sync…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending changes %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First sync %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first sync copies the call center&apos;s data to this computer. You can keep working meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ValuesEditor</name>
    <message>
        <source>The script&apos;s own variables, e.g. operator.name. The console&apos;s values (customer, agent, offer…) take precedence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add val&amp;ue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a value (Insert in the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the value (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ValuesModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VersionHeaders</name>
    <message>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ver.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No change note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WrapUpPanel</name>
    <message>
        <source>No call to wrap up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer&apos;s local time (%1), now %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a disposition: press its F-key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talked %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call &amp;notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes may be typed during the call (Ctrl+Shift+N).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call &amp;back at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Only me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone in my &amp;team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_QuestionsDialog</name>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the list again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
