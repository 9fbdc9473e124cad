"""Knowledge articles composed from the catalogue, the cities served, the halls and the rounds."""

from __future__ import annotations

import itertools
import math
import random
from datetime import date
from decimal import Decimal
from typing import Any

from agentdesk.domain.knowledge import ArticleKind
from agentdesk.domain.phones import format_phone
from agentdesk.services.demo.catalogue import Catalogue, Product
from agentdesk.services.demo.kb_topic import Topic, bullets, document, price

_CATEGORY = {"plan": "plans", "handset": "handsets", "broadband": "broadband", "addon": "addons",
             "policy": "addons"}
_COMPARED = ("P5G079", "P5G129", "P5G169", "P5G239")


def _price_line(product: Product) -> tuple[str, str]:
    src = product.source
    return (f"¥{price(product.price)}{src['unit']}", f"CNY {price(product.price)}{src['unit_en']}")


def product_topics(catalogue: Catalogue) -> list[Topic]:
    """Return two topics per product: its terms, and how to sell it."""
    topics: list[Topic] = []
    for product in catalogue.products.values():
        src = product.source
        zh_price, en_price = _price_line(product)
        real_name = "需要机主实名登记" if src["requires_real_name"] else "无需单独实名登记"
        real_name_en = ("requires real-name registration" if src["requires_real_name"]
                        else "no separate real-name registration")
        category = _CATEGORY[product.kind.value]
        topics.append(Topic(
            f"product_{product.sku.lower()}", ArticleKind.PRODUCT, category,
            f"产品条款：{src['name']}", f"Product terms: {src['name_en']}",
            document(src["description"], "## 产品内容\n" + bullets(src["features"]),
                     "## 资费与条款\n" + bullets([f"价格：{zh_price}", *src["terms"], real_name]),
                     f"## 适合人群\n{src['audience']}",
                     "## 办理渠道\n外呼或热线电话办理（订单复述确认后提交）、营业厅、"
                     "手机营业厅 App。"),
            document(src["description_en"], "## What is included\n" + bullets(src["features_en"]),
                     "## Price and terms\n" + bullets([f"Price: {en_price}", *src["terms_en"],
                                                       real_name_en.capitalize()]),
                     f"## Who it suits\n{src['audience_en']}",
                     "## Where to order\nBy phone on an outbound call or the service line (after "
                     "the order read-back), at a business hall, or in the app."),
            (src["name"], "条款"), (src["name_en"], "terms"), product.sku))
        pitch = (f"“根据您的使用情况，推荐{src['name']}，{zh_price}，{src['features'][0]}，"
                 f"{src['selling_points'][0]}。”")
        pitch_en = (f"\"Based on your usage I'd suggest {src['name_en']} at {en_price}: "
                    f"{src['features_en'][0].lower()}. {src['selling_points_en'][0]}.\"")
        topics.append(Topic(
            f"selling_{product.sku.lower()}", ArticleKind.PRODUCT, category,
            f"销售要点：{src['name']}", f"Selling points: {src['name_en']}",
            document(f"## 推荐给谁\n{src['audience']}",
                     "## 卖点\n" + bullets(src["selling_points"]),
                     f"## 参考话术\n> {pitch}\n\n用自己的话讲，先问需求再推荐。",
                     "## 注意\n" + bullets(["只介绍系统中有效的优惠，说明生效时间和合约期",
                                            "下单前完整复述订单，客户确认后提交"])),
            document(f"## Who to offer it to\n{src['audience_en']}",
                     "## Selling points\n" + bullets(src["selling_points_en"]),
                     f"## Sample wording\n> {pitch_en}\n\nUse your own words; ask about needs "
                     "before recommending.",
                     "## Remember\n" + bullets(["Only describe offers valid in the system, with "
                                                "their start date and contract term",
                                                "Read the whole order back and submit only after "
                                                "the customer confirms"])),
            (src["name"], "话术"), (src["name_en"], "pitch"), product.sku))
    return topics


def offer_topics(catalogue: Catalogue, today: date) -> list[Topic]:
    """Return one topic per campaign offer, marking expired offers as archived."""
    topics: list[Topic] = []
    for offer in catalogue.offers.values():
        src, product = offer.source, offer.product.source
        saving = offer.product.price - offer.price
        expired = offer.valid_until < today
        zh_saving = f"每期节省 ¥{price(saving)}" if saving > 0 else "价格不变，另享赠送权益"
        en_saving = (f"saves CNY {price(saving)}" if saving > 0
                     else "same price with extra benefits")
        topics.append(Topic(
            f"offer_{offer.code.lower()}", ArticleKind.PRODUCT, "offers",
            f"优惠：{src['name']}" + ("（已结束）" if expired else ""),
            f"Offer: {src['name_en']}" + (" (ended)" if expired else ""),
            document(f"**{src['name']}**",
                     bullets([f"适用产品：{product['name']}（原价 ¥{price(offer.product.price)}"
                              f"{product['unit']}）",
                              f"优惠价：¥{price(offer.price)}，{zh_saving}",
                              f"有效期：{offer.valid_from:%Y-%m-%d} 至 "
                              f"{offer.valid_until:%Y-%m-%d}",
                              f"办理条件：{src['eligibility']}"]),
                     "## 下单方法\n在订单中选择该产品，系统自动带出当日有效的优惠；超出有效期的优惠"
                     "无法选择，不得口头承诺。"),
            document(f"**{src['name_en']}**",
                     bullets([f"Product: {product['name_en']} (list price CNY "
                              f"{price(offer.product.price)}{product['unit_en']})",
                              f"Offer price: CNY {price(offer.price)}, {en_saving}",
                              f"Valid: {offer.valid_from:%Y-%m-%d} to {offer.valid_until:%Y-%m-%d}",
                              f"Eligibility: {src['eligibility_en']}"]),
                     "## How to order\nChoose the product in the order form; the offer valid that "
                     "day is applied automatically. Expired offers cannot be chosen and must not "
                     "be promised."),
            ("优惠", offer.code), ("offer", offer.code), offer.product.sku, archived=expired))
    return topics


def comparison_topics(catalogue: Catalogue) -> list[Topic]:
    """Return a comparison of every pair of 5G Enjoy plans, with the break-even overage."""
    topics: list[Topic] = []
    for low_sku, high_sku in itertools.combinations(_COMPARED, 2):
        low, high = catalogue.products[low_sku], catalogue.products[high_sku]
        a, b = low.source, high.source
        more_price = high.price - low.price
        more_data = b["data_gb"] - a["data_gb"]
        break_even = math.ceil(more_price / Decimal(3))
        table = ("| | {0} | {1} |\n|---|---|---|\n| {2} | ¥{3} | ¥{4} |\n| {5} | {6}GB | {7}GB |\n"
                 "| {8} | {9} | {10} |\n| {11} | {12} | {13} |")
        topics.append(Topic(
            f"compare_{low_sku.lower()}_{high_sku.lower()}", ArticleKind.PRODUCT, "plans",
            f"套餐对比：{a['name']} 与 {b['name']}",
            f"Plan comparison: {a['name_en']} vs {b['name_en']}",
            document(table.format(a["name"], b["name"], "月费", price(low.price), price(high.price),
                                  "通用流量", a["data_gb"], b["data_gb"], "国内通话（分钟）",
                                  a["minutes"], b["minutes"], "副卡", a["extra_sims"],
                                  b["extra_sims"]),
                     f"## 怎么选\n高一档每月多 ¥{price(more_price)}，多 {more_data}GB 流量、"
                     f"{b['minutes'] - a['minutes']} 分钟通话。按套餐外流量 3 元/GB 计算，客户每月"
                     f"超出 {break_even}GB 以上时，选{b['name']}更划算。",
                     f"## 推荐建议\n- {a['name']}：{a['audience']}\n"
                     f"- {b['name']}：{b['audience']}"),
            document(table.format(a["name_en"], b["name_en"], "Monthly fee", price(low.price),
                                  price(high.price), "Data", a["data_gb"], b["data_gb"],
                                  "Minutes", a["minutes"], b["minutes"], "Extra SIMs",
                                  a["extra_sims"], b["extra_sims"]),
                     f"## How to choose\nThe higher plan costs CNY {price(more_price)} more a "
                     f"month for {more_data} GB more data and {b['minutes'] - a['minutes']} more "
                     f"minutes. At 3 CNY per extra GB, it pays off for customers who run over by "
                     f"{break_even} GB or more a month.",
                     f"## Recommendation\n- {a['name_en']}: {a['audience_en']}\n"
                     f"- {b['name_en']}: {b['audience_en']}"),
            ("套餐对比",), ("plan comparison",)))
    return topics


def city_topics(catalogue: Catalogue, cities: list[dict[str, Any]],
                rng: random.Random) -> list[Topic]:
    """Return broadband coverage and installation times for every city served."""
    topics: list[Topic] = []
    for city in cities:
        halls = [h for h in catalogue.halls if h.city == city["name"]]
        rows, rows_en = [], []
        for index, district in enumerate(city["districts"]):
            gigabit = index < 2 or rng.random() < 0.6
            hours = 48 if index < 2 else 72
            rows.append(f"| {district['name']} | {'1000M / 300M' if gigabit else '300M'} | "
                        f"{hours} 小时 | {district['postal']} |")
            rows_en.append(f"| {district['name']} | {'1000M / 300M' if gigabit else '300M'} | "
                           f"{hours} h | {district['postal']} |")
        place = city["province"] + ("" if city["province"] == city["name"] else city["name"])
        hall_zh = ("、".join(f"{h.name}（{h.source['address']}）" for h in halls)
                   if halls else "本市暂无自有营业厅，订单统一送货上门。")
        hall_en = ("; ".join(f"{h.source['name_en']} ({h.source['address']})" for h in halls)
                   if halls else "No own business hall in this city; all orders are delivered.")
        topics.append(Topic(
            f"coverage_{city['name_en'].lower().replace(' ', '_').replace(chr(39), '')}",
            ArticleKind.FAQ, "coverage",
            f"宽带覆盖与装机时效：{city['name']}", f"Broadband coverage and installation: "
            f"{city['name_en']}",
            document(f"{place}固话区号 0{city['area_code']}。"
                     "下表为各区光宽带可办理速率与下单后上门装机时限。",
                     "| 区 | 可办速率 | 装机时限 | 邮编 |\n|---|---|---|---|\n" + "\n".join(rows),
                     "## 说明\n" + bullets(["具体楼栋以覆盖查询工具结果为准，"
                                          "未覆盖地址不得承诺装机时间",
                                          "装机时限自工程师电话预约成功起计算",
                                          f"本市营业厅：{hall_zh}"])),
            document(f"{city['name_en']}, area code 0{city['area_code']}. Fibre speeds available "
                     "per district and the installation time after ordering.",
                     "| District | Speeds | Installation | Postal code |\n|---|---|---|---|\n"
                     + "\n".join(rows_en),
                     "## Notes\n" + bullets(["The coverage tool decides for each building; never "
                                             "promise a date for an uncovered address",
                                             "The time counts from the engineer's booking call",
                                             f"Business halls: {hall_en}"])),
            (city["name"], "宽带", "覆盖"), (city["name_en"], "broadband", "coverage")))
    return topics


def hall_topics(catalogue: Catalogue) -> list[Topic]:
    """Return one topic per business hall or VIP room."""
    topics: list[Topic] = []
    for index, hall in enumerate(catalogue.halls):
        src = hall.source
        services = ["订单自提与付款", "实名开卡、补换卡", "携号转网办理", "终端售后受理"]
        services_en = ["Order pick-up and payment", "New SIMs and replacements", "Number porting",
                       "Device after-sales"]
        if hall.vip:
            services.append("VIP 客户专属客户经理，需提前一天预约")
            services_en.append("Dedicated account manager for VIP customers, book a day ahead")
        topics.append(Topic(
            f"hall_{index + 1}", ArticleKind.FAQ, "halls", f"营业厅：{hall.name}",
            f"Business hall: {src['name_en']}",
            document(bullets([f"地址：{src['address']}", f"电话：{format_phone(src['phone'])}",
                              f"营业时间：{src['hours']}",
                              f"每日自提接待能力：约 {src['capacity']} 单"]),
                     "## 可办理业务\n" + bullets(services),
                     "## 坐席提示\n自提订单接近当日接待能力时，建议客户改为送货上门或改约次日。"),
            document(bullets([f"Address: {src['address']}", f"Phone: {format_phone(src['phone'])}",
                              f"Opening hours: {src['hours']}",
                              f"Pick-ups served per day: about {src['capacity']}"]),
                     "## Services\n" + bullets(services_en),
                     "## Tip\nWhen pick-ups near the daily capacity, suggest home delivery or the "
                     "next day."),
            ("营业厅", "自提"), ("business hall", "pick-up")))
    return topics


def round_topics(catalogue: Catalogue) -> list[Topic]:
    """Return one topic per delivery round: cut-off, handover, booking window and capacity."""
    topics: list[Topic] = []
    for round_ in catalogue.rounds:
        src = round_.source
        when = "次日" if round_.day_offset else "当日下午"
        when_en = "the next day" if round_.day_offset else "the same afternoon"
        topics.append(Topic(
            f"round_{round_.key}", ArticleKind.POLICY, "delivery", f"配送批次：{src['name']}",
            f"Delivery round: {src['name_en']}",
            document(bullets([f"接单时段：{src['orders_from']}-{src['orders_until']}",
                              f"交接配送团队：{src['handover_at']}",
                              f"配送员电话预约：{src['booking_from']}-{src['booking_until']}",
                              f"送达：{when}", f"批次容量：{round_.capacity} 单"]),
                     "## 告知客户\n下单时说明预计送达时间；配送员会先电话预约，"
                     "货到付款，当面验货签收。",
                     "## 容量提醒\n批次订单接近容量时，系统在订单表单中提示；"
                     "此时应主动建议营业厅自提或顺延到下一批次，避免承诺无法兑现。"),
            document(bullets([f"Orders taken: {src['orders_from']}-{src['orders_until']}",
                              f"Handed to delivery: {src['handover_at']}",
                              f"Courier books a time: {src['booking_from']}-"
                              f"{src['booking_until']}",
                              f"Delivered: {when_en}",
                              f"Round capacity: {round_.capacity} orders"]),
                     "## Tell the customer\nGive the expected arrival; the courier phones first, "
                     "and the customer checks the goods and pays on delivery.",
                     "## Capacity\nWhen the round nears capacity the order form warns; suggest "
                     "hall pick-up or the next round rather than a promise that cannot be kept."),
            ("配送", "批次"), ("delivery", "round")))
    return topics
