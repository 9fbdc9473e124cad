"""Knowledge articles that guide the conversation: FAQ, objection answers, policies and the OLA."""

from __future__ import annotations

from typing import Any

from agentdesk.domain.knowledge import ArticleKind
from agentdesk.services.demo.kb_topic import Topic, bullets, document, numbered

_DOMAINS = {"business": ("业务", "business"), "product": ("产品", "product"),
            "technical": ("技术", "technical")}


def _duration(minutes: int) -> tuple[str, str]:
    if minutes % 60 == 0:
        hours = minutes // 60
        return f"{hours} 小时", f"{hours} hour{'s' if hours != 1 else ''}"
    return f"{minutes} 分钟", f"{minutes} minutes"


def escalation_topics(rules: list[dict[str, Any]]) -> list[Topic]:
    """Return the OLA of every escalation topic as an article."""
    topics: list[Topic] = []
    for rule in rules:
        zh_domain, en_domain = _DOMAINS[rule["domain"]]
        response, response_en = _duration(rule["response_minutes"])
        leader = rule["leader_escalation_minutes"]
        leader_zh, leader_en = _duration(leader) if leader else ("—", "—")
        topics.append(Topic(
            rule["topic"], ArticleKind.ESCALATION, "escalation",
            f"升级规则（OLA）：{rule['title']}", f"Escalation rule (OLA): {rule['title_en']}",
            document(bullets([f"责任部门：{rule['department']}（{zh_domain}域）",
                              f"响应时限：{response}",
                              f"结果告知：{rule['informs_customer']}",
                              f"领导升级：受理后 {leader_zh} 仍未解决时启动"]),
                     "## 一线可直接答复（不升级）\n" + bullets(rule["front_line_answers"]),
                     "## 先问客户\n" + bullets(rule["first_questions"]),
                     "## 升级需携带的信息\n" + bullets(rule["required_info"]),
                     "## 处理步骤\n" + numbered(rule["steps"]),
                     "## 系统记录\n一线在工单中记录客户诉求与已做排查；责任部门回填处理结果；"
                     "关闭前由一线回访确认。"),
            document(bullets([f"Owner: {rule['department_en']} ({en_domain} domain)",
                              f"Response time: {response_en}",
                              f"Who tells the customer: {rule['informs_customer_en']}",
                              f"Leader escalation: when still open {leader_en} after opening"]),
                     "## Answer at the front line (do not escalate)\n"
                     + bullets(rule["front_line_answers_en"]),
                     "## Ask first\n" + bullets(rule["first_questions_en"]),
                     "## Information the escalation carries\n" + bullets(rule["required_info_en"]),
                     "## Steps\n" + numbered(rule["steps_en"]),
                     "## Records\nThe front line records the request and the checks done; the "
                     "owning department records the outcome; the front line confirms with the "
                     "customer before closing."),
            ("升级", "OLA", rule["department"]), ("escalation", "OLA", rule["department_en"])))
    return topics


def objection_topics(objections: list[dict[str, Any]], examples: dict[str, str]) -> list[Topic]:
    """Return an answer guide for every objection; ``examples`` fill the answers' placeholders."""
    topics: list[Topic] = []
    for item in objections:
        answers = [a.format_map(examples) for a in item["answers"]]
        answers_en = [a.format_map(examples) for a in item["answers_en"]]
        topics.append(Topic(
            item["key"], ArticleKind.OBJECTION, "objections",
            f"异议处理：{item['objection']}", f"Objection: {item['objection_en']}",
            document(f"## 客户的真实顾虑\n{item['concern']}",
                     "## 参考回应\n" + bullets(answers), "## 避免\n" + bullets(item["avoid"]),
                     f"## 下一步\n{item['next']}"),
            document(f"## What the customer usually means\n{item['concern_en']}",
                     "## Suggested answers\n" + bullets(answers_en),
                     "## Avoid\n" + bullets(item["avoid_en"]), f"## Next step\n{item['next_en']}"),
            tuple(item["tags"]), tuple(item["tags_en"]), answer=answers[0],
            answer_en=answers_en[0]))
    return topics


def policy_topics(policies: list[dict[str, Any]]) -> list[Topic]:
    """Return every call-handling policy as an article."""
    return [
        Topic(item["key"], ArticleKind.POLICY, "policy", f"规范：{item['title']}",
              f"Policy: {item['title_en']}",
              document("## 规定\n" + numbered(item["body"]),
                       "违反规范的通话将在质检中扣分；有疑问请联系训导师。"),
              document("## Rules\n" + numbered(item["body_en"]),
                       "Calls that break these rules lose quality points; ask your trainer when "
                       "in doubt."),
              tuple(item["tags"]), tuple(item["tags_en"]))
        for item in policies
    ]


def faq_topics(faq: dict[str, Any]) -> list[Topic]:
    """Return every frequently asked question with its answer, tips and related questions."""
    tips: dict[str, list[str]] = faq["category_tips"]
    items: list[dict[str, Any]] = faq["faqs"]
    topics: list[Topic] = []
    for item in items:
        category = item["category"]
        related = [other for other in items
                   if other["category"] == category and other is not item][:3]
        topics.append(Topic(
            item["key"], ArticleKind.FAQ, category, item["q"], item["q_en"],
            document("## 解答\n" + "\n\n".join(item["a"]),
                     "## 坐席提示\n" + bullets(tips.get(category, [])),
                     "## 相关问题\n" + bullets(o["q"] for o in related) if related else ""),
            document("## Answer\n" + "\n\n".join(item["a_en"]),
                     "## Tips for agents\n" + bullets(tips.get(f"{category}_en", [])),
                     "## Related questions\n" + bullets(o["q_en"] for o in related)
                     if related else ""),
            tuple(item["tags"]), tuple(item["tags_en"]), answer=item["a"][0],
            answer_en=item["a_en"][0]))
    return topics
