"""Call scripts for tests: a small outbound script over the test call center's codes."""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

from agentdesk.domain.ids import new_id
from agentdesk.services.workspace import Workspace
from agentdesk.store.schema.knowledge import scripts

# greeting -> identity (required) -> offer -> order_readback (required) -> close_sale (SALE);
# offer -> callback (books a callback) -> close_callback (CALLBACK); obj_price objection.
SALES_SCRIPT: dict[str, Any] = {
    "start": "greeting",
    "objections": ["obj_price"],
    "values": {"operator.name": "中国示例通信"},
    "steps": {
        "greeting": {
            "title": "开场", "title_en": "Greeting",
            "text": "您好，请问是{customer.name}吗？我是{operator.name}的{agent.name}。",
            "text_en": "Hello, am I speaking with {customer.name}? This is {agent.name} "
                       "from {operator.name}.",
            "answers": [
                {"label": "本人", "label_en": "Speaking", "next": "identity"},
                {"label": "不方便", "label_en": "Not a good time", "next": "callback"},
                {"label": "挂断", "label_en": "Hung up", "action": "disposition:NO_ANSWER"},
            ]},
        "identity": {
            "title": "身份核实", "title_en": "Identity check", "required": True,
            "text": "请您提供身份证后四位。", "text_en": "Please give the last four ID digits.",
            "answers": [
                {"label": "已核实", "label_en": "Verified", "next": "offer"},
                {"label": "未核实", "label_en": "Not verified",
                 "action": "disposition:NOT_INTERESTED"},
            ]},
        "offer": {
            "title": "推荐", "title_en": "Offer",
            "text": "为您推荐{offer.name}，每月{offer.price}。",
            "text_en": "I suggest {offer.name} at {offer.price} a month.",
            "answers": [
                {"label": "要办理", "label_en": "Wants it", "next": "order_readback",
                 "action": "order"},
                {"label": "再考虑", "label_en": "Will think", "next": "callback"},
                {"label": "不需要", "label_en": "Not interested",
                 "action": "disposition:NOT_INTERESTED"},
            ]},
        "order_readback": {
            "title": "订单复述", "title_en": "Order read-back", "required": True,
            "text": "跟您确认订单：{order.items}。", "text_en": "To confirm: {order.items}.",
            "answers": [
                {"label": "确认", "label_en": "Confirms", "next": "close_sale"},
                {"label": "要修改", "label_en": "Needs changes", "next": "offer"},
            ]},
        "close_sale": {
            "title": "成交结束", "title_en": "Close: sale",
            "text": "已为您提交，感谢！", "text_en": "It's submitted, thank you!",
            "answers": [{"label": "结束", "label_en": "End call", "action": "disposition:SALE"}]},
        "callback": {
            "title": "预约回访", "title_en": "Book a callback",
            "text": "您看什么时间方便？", "text_en": "When would suit you?",
            "answers": [{"label": "约好时间", "label_en": "Time agreed",
                         "next": "close_callback", "action": "callback"}]},
        "close_callback": {
            "title": "回访结束", "title_en": "Close: callback",
            "text": "好的，{callback.due}再联系您。",
            "text_en": "Fine, I'll call you {callback.due}.",
            "answers": [{"label": "结束", "label_en": "End call",
                         "action": "disposition:CALLBACK"}]},
        "obj_price": {
            "title": "异议：太贵", "title_en": "Objection: too expensive",
            "text": "理解，其实每月只多几块钱。",
            "text_en": "I understand; it is only a little more.",
            "answers": [
                {"label": "接受", "label_en": "Accepts", "next": "order_readback",
                 "action": "order"},
                {"label": "看知识库", "label_en": "Open article",
                 "action": "article:too_expensive"},
                {"label": "仍不要", "label_en": "Still no", "action": "disposition:NOT_INTERESTED"},
            ]},
    },
}


def add_script(ws: Workspace, campaign_id: uuid.UUID, now: datetime, *,
               body: dict[str, Any] | None = None, direction: str = "outbound",
               number: int = 1, published: bool = True, name: str = "5G 升级外呼") -> uuid.UUID:
    """Insert a script version (published unless told otherwise); return its id."""
    script_id = new_id()
    with ws.database.write() as conn:
        conn.execute(scripts.insert().values(
            id=script_id, site="default", version=1, updated_at=now, deleted_at=None,
            campaign_id=campaign_id, name=name, direction=direction, script_version=number,
            body=json.dumps(body or SALES_SCRIPT, ensure_ascii=False),
            published_at=now if published else None, change_note=""))
    return script_id


def add_article(ws: Workspace, now: datetime, slug: str = "too_expensive",
                title: str = "客户嫌贵怎么办") -> uuid.UUID:
    """Publish the knowledge article the test script links (``article:too_expensive``)."""
    from agentdesk.domain.knowledge import ArticleDraft, ArticleKind
    from agentdesk.store import kb_index
    from agentdesk.store.knowledge import write_article

    with ws.database.write() as conn:
        article_id, _, _ = write_article(conn, ArticleDraft(
            slug=slug, title=title, body="先认同，再算账：对比超出流量费。",
            answer="先认同，再算账。", kind=ArticleKind.OBJECTION), now=now)
        kb_index.refresh(conn, [article_id])
    return article_id
