"""Generated knowledge articles for the kb_search benchmark: call-center words, Zipf-like."""

from __future__ import annotations

import itertools
import json
import os
import random
import shutil
import sqlite3
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from agentdesk.domain.knowledge import ArticleStatus
from agentdesk.services.workspace import LOCAL_DB
from agentdesk.store.database import Database
from agentdesk.store.migrate import head_revision, upgrade_local

BUILD_FORMAT = 1
"""Bump when the generated articles change, so cached databases are rebuilt."""

SEED = 2026
CHUNK = 10_000
_STAMP = "2026-10-01 00:00:00.000000"

# ------------------------------------------------------------------ the vocabulary
# Most common first: a word's rank sets its weight (Zipf), so 的 and 套餐 are in nearly every
# Chinese article and the generated tail words in a few.
ZH_COMMON_TEXT = (
    "的 您 是 在 可以 请 我们 如果 需要 办理 了 和 客户 套餐 流量 话费 后 不 有 将 对 时 "
    "进行 通过 宽带 号码 查询 用户 服务 业务 手机 营业厅 积分 需 及 或 可 个 月 按 元 为 "
    "到 上 也 会 已 就 时间 提供 携号转网 配送 资费 月租 充值 缴费 欠费 停机 复机 补卡 "
    "实名认证 身份证 国际漫游 副卡 亲情号 合约机 违约金 光猫 路由器 装机 移机 拆机 故障 "
    "网速 信号 投诉 退订 增值业务 来电显示 彩铃 短信 语音 通话 分钟 账单 发票 优惠 活动 "
    "赠送 到期 续约 兑换 快递 物流 签收 验证码 服务密码 重置 坐席 工单 升级 处理 时限 回访 "
    "满意度 定向流量 通用流量 限速 不限量 家庭 融合 提速 千兆 光纤 机顶盒 电视 预存 返还 "
    "余额 营业时间 门店 网上营业厅 销户 过户 挂失 骚扰电话 拦截 反诈 个人信息 资格 校验 "
    "申请 条件 在网时长 合约 携出 携入 授权码 有效期 渠道 上门 安装 预约 工程师 测速 断网 "
    "掉线 重启 设备 更换 退款 扣费 核实 争议 补偿 工信部 申诉 承诺 客服 热线 人工 转接 "
    "排队 会员 权益 积分商城 生效 次月 当月 计费 超出 提醒 剩余 明细 详单 邮寄 地址 收件人 "
    "偏远地区 拒收 退回 单号 发货 终端 保修 售后 维修 以旧换新 补贴 分期 免息 政企 集团 "
    "专线 账号 密码 覆盖 室内 农村 小区 端口 加急 告知 确认 说明 无法 成功 失败 原因 方式 "
    "规则 标准 范围 内容 情况 问题 步骤 注意 建议 登录 页面 选择 点击 填写 提交 等待 完成 "
    "系统 自动 免费 收取 费用 价格 每月 首月 半价 全额 当天 工作日 小时 天内 以上 以下 "
    "之前 之后 同时 另外 但是 因此 所以 仍然 直接 主动 及时 尽快 耐心 解释 安抚 记录 反馈 "
    "部门 协助 跟进 结果 通知")
ZH_COMMON = tuple(ZH_COMMON_TEXT.split())
# Product names among the words, commonest first (5G in many articles, IPTV in a few).
_ZH_LATIN = ("5G", "4G", "SIM", "APP", "WiFi", "eSIM", "VIP", "iPhone", "VoLTE", "IPTV")
_ZH_UNITS = ("元", "GB", "分钟", "M", "个月", "天")
_ZH_TITLE_ENDS = ("如何办理", "常见问题", "说明", "规则", "怎么办", "处理流程", "办理指引",
                  "注意事项", "资费标准", "话术")
_ZH_CATEGORIES = ("套餐资费", "流量", "宽带", "携号转网", "话费账单", "积分权益", "营业厅",
                  "配送", "终端", "投诉升级")
_EN_COMMON_TEXT = (
    "the to your you a of and is for can plan data customer please if will on in with be "
    "account number service bill it this that are not by at from we our or as after "
    "before month fee charge balance store points delivery broadband roaming porting "
    "upgrade contract refund recharge suspend restore replacement verification identity "
    "international secondary family handset router modem installation relocation fault "
    "speed signal coverage complaint unsubscribe caller ringtone message voice minutes "
    "invoice discount promotion gift expiry renewal penalty redeem courier tracking "
    "signature code password reset agent ticket escalation deadline callback satisfaction "
    "unlimited throttled fiber gigabit television deposit cashback voucher statement "
    "details address recipient remote returned dispatch device warranty repair trade "
    "subsidy instalment business dedicated line indoor rural estate port urgent inform "
    "confirm explain unable success failure reason method rule standard scope content "
    "case problem step note advise login page select click fill submit wait complete "
    "system automatic free collect price monthly first half full same working hours days "
    "above below earlier later also however therefore still directly proactively promptly "
    "patiently calm record feedback department assist follow result notice outlet online "
    "portal apply eligible tenure authorization valid channel visit appointment engineer "
    "test outage dropped restart equipment change deduct verify dispute compensation "
    "regulator appeal promise hotline human transfer queue member benefit effective next "
    "current billing exceed reminder remaining usage itemized mail")
_EN_COMMON = tuple(_EN_COMMON_TEXT.split())
_EN_LATIN = ("5G", "4G", "SIM", "app", "WiFi", "eSIM", "VIP", "iPhone", "VoLTE", "IPTV")
_LATIN_WEIGHTS = tuple(itertools.accumulate(1 / rank for rank in range(1, len(_ZH_LATIN) + 1)))
_EN_TITLE_STARTS = ("How to", "Why is", "Can I", "About", "Fix", "Check", "Change")
_EN_CATEGORIES = ("Plans and fees", "Data", "Broadband", "Number porting", "Bills",
                  "Points", "Stores", "Delivery", "Devices", "Complaints")
_KINDS = ("faq", "faq", "faq", "product", "product", "objection", "escalation", "policy")
_TAIL_WORDS = 20_000
_ZIPF_EXPONENT = 1.2
_ZIPF_OFFSET = 2.7  # Zipf-Mandelbrot: the commonest words a little less dominant
_TOPIC_EVERY = 14  # about one word in 14 is one of the article's topics
_LATIN_EVERY = 100  # and one in 100 a product name or an amount


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The words of one language, most common first, with cumulative Zipf weights."""

    words: tuple[str, ...]
    cumulative: tuple[float, ...]
    topics: tuple[str, ...]

    @classmethod
    def of(cls, common: Sequence[str], tail: Sequence[str], skip: int) -> Vocabulary:
        """The vocabulary of ``common`` then ``tail``; topics are common words after ``skip``."""
        words = tuple(dict.fromkeys((*common, *tail)))
        weights = (1 / (rank + _ZIPF_OFFSET) ** _ZIPF_EXPONENT for rank in range(1, len(words) + 1))
        return cls(words, tuple(itertools.accumulate(weights)), tuple(common[skip:]))

    def draw(self, rng: random.Random, count: int) -> list[str]:
        """``count`` words drawn by their weights."""
        return rng.choices(self.words, cum_weights=self.cumulative, k=count)


def vocabularies(rng: random.Random) -> tuple[Vocabulary, Vocabulary]:
    """Return the Chinese and English vocabularies, each with a generated tail."""
    # Tail word i takes its characters from the first 300 + i / 4 of the pool: the last
    # characters of the pool are only in the rarest words, as rare characters are.
    common = set("".join(ZH_COMMON))
    pool = rng.sample([chr(c) for c in range(0x4E00, 0x9FA6) if chr(c) not in common],
                      300 + _TAIL_WORDS // 4)
    zh_tail = ["".join(rng.choices(pool[:300 + i // 4], k=rng.choice((2, 2, 2, 3))))
               for i in range(_TAIL_WORDS)]
    consonants, vowels = "bcdfghklmnprstvwz", "aeiou"
    en_tail = ["".join(rng.choice(consonants) + rng.choice(vowels)
                       for _ in range(rng.choice((2, 3, 3, 4)))) + rng.choice(("", "n", "s"))
               for _ in range(_TAIL_WORDS)]
    return (Vocabulary.of(ZH_COMMON, zh_tail, skip=12),
            Vocabulary.of(_EN_COMMON, en_tail, skip=20))


# ------------------------------------------------------------------ the articles
@dataclass(frozen=True, slots=True)
class Draft:
    """The generated content of one article."""

    language: str
    title: str
    body: str
    answer: str
    category: str
    tags: str


class ArticleWriter:
    """Writes articles of both languages from the vocabularies, reproducibly."""

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(seed)
        self._zh, self._en = vocabularies(self._rng)

    def article(self, index: int) -> Draft:
        """Article ``index``: Chinese for even indexes, English for odd ones."""
        rng = self._rng
        zh = index % 2 == 0
        vocabulary = self._zh if zh else self._en
        topics = rng.sample(vocabulary.topics, 3)
        length = int(rng.triangular(150, 1500, 450))
        title = self._zh_title(topics) if zh else self._en_title(topics)
        body = self._text(vocabulary, topics, length, zh=zh)
        answer = self._text(vocabulary, topics, rng.randint(*(20, 100) if zh else (40, 200)),
                            zh=zh)
        if rng.random() < 0.6:
            answer = ""
        categories = _ZH_CATEGORIES if zh else _EN_CATEGORIES
        return Draft("zh" if zh else "en", title, body, answer,
                     categories[index // 2 % len(categories)],
                     "\t".join(topics[:rng.randint(1, 3)]))

    def _zh_title(self, topics: Sequence[str]) -> str:
        rng = self._rng
        target = rng.randint(8, 30)
        pieces = [topics[0], *self._zh.draw(rng, 1), topics[1]]
        if rng.random() < 0.25:  # 5G套餐..., eSIM开通...
            pieces.insert(0, self._latin(zh=True))
        ending = rng.choice(_ZH_TITLE_ENDS)
        while sum(map(len, pieces)) < target - len(ending):
            pieces.extend((rng.choice(topics), *self._zh.draw(rng, 1)))
        return ("".join(pieces) + ending)[:target]

    def _en_title(self, topics: Sequence[str]) -> str:
        rng = self._rng
        target = rng.randint(8, 30)
        words = [rng.choice(_EN_TITLE_STARTS), topics[0]]
        if rng.random() < 0.25:
            words.insert(1, self._latin(zh=False))
        for word in itertools.chain(self._en.draw(rng, 6), topics[1:]):
            if len(" ".join((*words, word))) > target:
                break
            words.append(word)
        title = " ".join(words)
        return title if len(title) >= 8 else f"{title} {topics[1]}"[:30]

    def _text(self, vocabulary: Vocabulary, topics: Sequence[str], length: int, *,
              zh: bool) -> str:
        """About ``length`` characters of Markdown: headings, list items and paragraphs."""
        rng = self._rng
        words = vocabulary.draw(rng, length // (2 if zh else 6) + 8)
        for _ in range(len(words) // _TOPIC_EVERY):
            words[rng.randrange(len(words))] = rng.choice(topics)
        for _ in range(len(words) // _LATIN_EVERY):
            words[rng.randrange(len(words))] = self._latin(zh=zh)
        lines: list[str] = []
        line: list[str] = []
        size = 0
        stream = iter(words)
        while size < length:
            sentence = list(itertools.islice(stream, rng.randint(4, 14)))
            if not sentence:
                break
            if zh:
                text = "".join(word + ("，" if rng.random() < 0.12 else "")
                               for word in sentence).rstrip("，") + "。"
            else:
                text = " ".join(sentence)
                text = text[:1].upper() + text[1:] + "."
            line.append(text)
            size += len(text) + (0 if zh else 1)
            if rng.random() < 0.3:
                lines.append(self._line_mark(rng) + ("" if zh else " ").join(line))
                line = []
        if line:
            lines.append(("" if zh else " ").join(line))
        return "\n".join(lines)[:max(length, 150)]

    def _latin(self, *, zh: bool) -> str:
        """A product name (5G, eSIM) or an amount (100元, 30GB) among the words."""
        rng = self._rng
        if rng.random() < 0.6:
            return rng.choices(_ZH_LATIN if zh else _EN_LATIN, cum_weights=_LATIN_WEIGHTS)[0]
        amount = rng.choice((1, 2, 5, 10, 20, 30, 50, 100, 200))
        return f"{amount}{rng.choice(_ZH_UNITS)}" if zh else str(amount)

    @staticmethod
    def _line_mark(rng: random.Random) -> str:
        roll = rng.random()
        if roll < 0.15:
            return "## "
        return "- " if roll < 0.5 else ""


def _article_id(index: int) -> str:
    """A UUIDv7-shaped id (32 hex digits, as SQLAlchemy stores it) for article ``index``."""
    millis = 0x019C_0000_0000 + 0xA_0000_0000 + index // 4096
    value = (millis << 80) | (0x7 << 76) | ((index % 4096) << 64) | (0b10 << 62) | index
    return f"{value:032x}"


def _rows(writer: ArticleWriter, start: int, stop: int) -> Iterator[tuple[object, ...]]:
    for index in range(start, stop):
        draft = writer.article(index)
        yield (_article_id(index), "default", 1, _STAMP, None, f"kb-{index:06d}", draft.title,
               draft.body, draft.answer, _KINDS[index % len(_KINDS)], draft.category,
               draft.tags, draft.language, ArticleStatus.PUBLISHED.value, 1, "", None, None)


_INSERT = (
    "INSERT INTO kb_articles (id, site, version, updated_at, deleted_at, slug, title, body, "
    "answer, kind, category, tags, language, status, article_version, products, product_id, "
    "translation_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def build(path: Path, count: int) -> None:
    """Create ``path`` by the product's migrations and fill it with ``count`` articles."""
    database = Database.open(path)
    try:
        upgrade_local(database)
    finally:
        database.close()
    writer = ArticleWriter(SEED)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("BEGIN")
        for start in range(0, count, CHUNK):
            stop = min(start + CHUNK, count)
            conn.executemany(_INSERT, _rows(writer, start, stop))
            print(f"    {stop:,} / {count:,} articles", file=sys.stderr, flush=True)
        conn.execute("COMMIT")
        conn.execute("ANALYZE")
        conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()


@dataclass(frozen=True, slots=True)
class ArticleDatabase:
    """The cached articles (no index yet): where, how many, how long writing them took."""

    path: Path
    articles: int
    build_ms: float
    cached: bool


def ensure_database(cache_dir: Path, count: int) -> ArticleDatabase:
    """Return the cached database of ``count`` articles, building it if needed."""
    directory = cache_dir / f"kb-{count}-rev{head_revision()}-fmt{BUILD_FORMAT}"
    meta = directory / "build.json"
    if meta.exists() and (directory / LOCAL_DB).exists():
        recorded = json.loads(meta.read_text(encoding="utf-8"))
        return ArticleDatabase(directory / LOCAL_DB, count, float(recorded["build_ms"]),
                               cached=True)
    partial = directory.with_name(directory.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    started = time.perf_counter()
    build(partial / LOCAL_DB, count)
    build_ms = (time.perf_counter() - started) * 1000
    (partial / "build.json").write_text(json.dumps({"articles": count, "build_ms": build_ms})
                                        + "\n", encoding="utf-8")
    shutil.rmtree(directory, ignore_errors=True)
    os.replace(partial, directory)
    return ArticleDatabase(directory / LOCAL_DB, count, build_ms, cached=False)
