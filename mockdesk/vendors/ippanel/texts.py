# ruff: noqa: E501  (one wording per line reads better than wrapped Persian)
"""What IPPanel resellers' customers actually write: subjects and first messages per sub-category.

Most tickets on an Iranian SMS panel are written in Persian, some in English (foreign customers,
developers pasting API errors). Each sub-category has its own pair of wordings so a ticket's
subject and description agree with its category. ``{line}``, ``{phone}``, ``{amount}`` and
``{code}`` are filled in by the generator. The replies are the core's conversations
(``conversation``); what is left here is the ticket's own fields: ``close_desc`` and the rating
comment, in the ticket's language.
"""

from __future__ import annotations

from collections.abc import Mapping

from mockdesk.core.conversations import Language

# sub_category_id -> (Persian (subject, desc) pairs, English (subject, desc) pairs)
Wording = tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]

TEXTS: Mapping[int, Wording] = {
    20: (
        (
            ("خطای 500 هنگام ارسال پیامک", "با سلام، از صبح امروز هنگام ارسال از طریق وب سرویس خطای 500 دریافت می کنیم. کد پیگیری درخواست: {code}"),
            ("خطای اعتبارسنجی توکن", "توکن دسترسی ما با اینکه منقضی نشده خطای 401 برمی گرداند. لطفا بررسی بفرمایید."),
        ),
        (
            ("HTTP 500 when sending SMS", "Since this morning every call to the send endpoint returns HTTP 500. Request id: {code}"),
            ("Token rejected with 401", "Our API key was working yesterday and now every request gets a 401. Nothing changed on our side."),
        ),
    ),
    21: (
        (
            ("سوال درباره پنل", "سلام وقت بخیر، چطور می توانم گزارش ماهانه ارسال ها را از پنل دریافت کنم؟"),
            ("درخواست راهنمایی", "با سلام، لطفا درباره نحوه تعریف زیرکاربر جدید در پنل راهنمایی بفرمایید."),
        ),
        (
            ("General question", "Hello, where can I download a monthly report of sent messages from the panel?"),
            ("Need some guidance", "Hi, how do I create a sub-user with a limited credit under my reseller account?"),
        ),
    ),
    22: (
        (
            ("مشکل در ارسال با پترن", "پیامک های پترن با کد {code} ارسال نمی شود و وضعیت آن ها در انتظار باقی مانده است."),
            ("عدم دریافت گزارش تحویل در وب سرویس", "وب سرویس برای ارسال های امروز گزارش تحویل برنمی گرداند. شماره خط: {line}"),
        ),
        (
            ("Pattern messages stuck in queue", "Messages sent with pattern {code} stay in the queue and are never delivered."),
            ("Webhook for delivery reports not called", "Our delivery-report webhook has not been called since yesterday for line {line}."),
        ),
    ),
    23: (
        (
            ("مشکل افزونه ووکامرس", "بعد از به روزرسانی افزونه ووکامرس، پیامک ثبت سفارش برای مشتریان ارسال نمی شود."),
            ("افزونه WHMCS", "ماژول WHMCS پس از نصب پیام خطای اتصال نمایش می دهد. نسخه WHMCS ما 8.9 است."),
        ),
        (
            ("WooCommerce plugin stopped sending", "After updating the WooCommerce plugin, order SMS are no longer sent to customers."),
            ("WHMCS module connection error", "The WHMCS module shows a connection error right after installation (WHMCS 8.9)."),
        ),
    ),
    24: (
        (
            ("تنظیم دامنه اختصاصی پنل", "برای پنل نمایندگی دامنه {code}.ir را معرفی کرده ایم اما هنوز فعال نشده است."),
            ("گواهی SSL دامنه نمایندگی", "گواهی SSL دامنه اختصاصی پنل ما منقضی شده است، لطفا تمدید بفرمایید."),
        ),
        (
            ("Custom panel domain not active", "We pointed {code}.com to the reseller panel two days ago but it still is not active."),
            ("SSL certificate expired", "The SSL certificate on our white-label panel domain has expired."),
        ),
    ),
    25: (
        (
            ("نحوه ارسال گروهی", "سلام، چطور می توانم فایل اکسل شماره ها را برای ارسال گروهی بارگذاری کنم؟"),
            ("زمان بندی ارسال", "آیا امکان زمان بندی ارسال پیامک برای ساعت مشخص وجود دارد؟"),
        ),
        (
            ("How to send bulk SMS", "How do I upload an Excel file of numbers for a bulk send?"),
            ("Scheduling messages", "Is it possible to schedule a campaign for a specific time tomorrow?"),
        ),
    ),
    26: (
        (
            ("تغییر شماره موبایل حساب", "شماره موبایل ثبت شده در حساب را می خواهم به {phone} تغییر دهم."),
            ("فعال سازی ورود دو مرحله ای", "کد ورود دو مرحله ای برای من ارسال نمی شود."),
        ),
        (
            ("Change account mobile number", "Please change the mobile number on my account to {phone}."),
            ("Two-factor code not received", "I no longer receive the two-factor login code by SMS."),
        ),
    ),
    27: (
        (
            ("درخواست فاکتور رسمی", "لطفا فاکتور رسمی خرید اعتبار به مبلغ {amount} ریال را صادر بفرمایید."),
            ("مغایرت در صورتحساب", "مبلغ کسر شده از حساب با تعداد پیامک های ارسالی مطابقت ندارد."),
        ),
        (
            ("Official invoice request", "Please issue an official invoice for the {amount} IRR credit purchase."),
            ("Billing discrepancy", "The amount deducted does not match the number of messages we sent."),
        ),
    ),
    28: (
        (
            ("عدم افزایش اعتبار پس از پرداخت", "مبلغ {amount} ریال از حساب کسر شد اما اعتبار پنل افزایش نیافت. کد پیگیری: {code}"),
            ("خرید اعتبار عمده", "برای خرید اعتبار عمده نمایندگی چه تخفیفی در نظر گرفته می شود؟"),
        ),
        (
            ("Credit not added after payment", "{amount} IRR was charged but the panel credit did not increase. Reference: {code}"),
            ("Bulk credit purchase", "What discount applies to a bulk credit purchase for resellers?"),
        ),
    ),
    29: (
        (
            ("درخواست استرداد وجه", "پرداخت تکراری انجام شده است، لطفا مبلغ {amount} ریال را عودت دهید."),
            ("برگشت اعتبار پیامک های ناموفق", "اعتبار پیامک های ارسال نشده به حساب برنگشته است."),
        ),
        (
            ("Refund request", "We were charged twice; please refund {amount} IRR."),
            ("Credit for failed messages", "Credit for undelivered messages was not returned to our account."),
        ),
    ),
    30: (
        (
            ("عدم دریافت پیامک توسط مشترکین", "پیامک های ارسالی از خط {line} به مشترکین همراه اول نمی رسد."),
            ("تاخیر در تحویل پیامک", "پیامک ها با چند دقیقه تاخیر به دست کاربران می رسد، مثلا شماره {phone}."),
        ),
        (
            ("Messages not delivered", "Messages from line {line} are not reaching Hamrah-e Aval subscribers."),
            ("Delivery delay", "OTP messages arrive several minutes late, e.g. to {phone}."),
        ),
    ),
    31: (
        (
            ("تایید پترن جدید", "پترن جدید با کد {code} ثبت شده است، لطفا بررسی و تایید بفرمایید."),
            ("رد شدن پترن", "پترن ما بدون ذکر دلیل رد شده است، لطفا علت را اعلام بفرمایید."),
        ),
        (
            ("Approve new pattern", "We submitted pattern {code}; please review and approve it."),
            ("Pattern rejected", "Our pattern was rejected without a reason. What needs to change?"),
        ),
    ),
    32: (
        (
            ("درخواست خط اختصاصی", "برای خرید خط اختصاصی پنج رقمی با پیش شماره {line} چه مدارکی لازم است؟"),
            ("فعال سازی خط خدماتی", "خط خدماتی {line} هنوز برای ارسال فعال نشده است."),
        ),
        (
            ("Dedicated line request", "Which documents are needed for a dedicated line with prefix {line}?"),
            ("Service line not active", "Service line {line} is still not enabled for sending."),
        ),
    ),
    33: (
        (
            ("مسدود شدن پیامک ها توسط مخابرات", "پیامک های تبلیغاتی ما توسط مخابرات فیلتر شده است. متن پیام تغییر کرده است."),
            ("لیست سیاه", "شماره {phone} در لیست سیاه قرار گرفته و پیامک دریافت نمی کند."),
        ),
        (
            ("Messages blocked by operator", "Our promotional messages are being filtered by the operator."),
            ("Number on blacklist", "Number {phone} seems to be blacklisted and receives nothing."),
        ),
    ),
    34: (
        (
            ("احراز هویت حساب", "مدارک احراز هویت بارگذاری شده است، لطفا بررسی بفرمایید."),
            ("مشکل در احراز هویت", "تصویر کارت ملی بارگذاری نمی شود و خطای حجم فایل نمایش داده می شود."),
        ),
        (
            ("Account verification", "Identity documents are uploaded, please review them."),
            ("Verification upload fails", "Uploading the national card image fails with a file-size error."),
        ),
    ),
    35: (
        (
            ("ارسال قرارداد نمایندگی", "نسخه امضا شده قرارداد نمایندگی را ارسال کرده ایم، لطفا تایید بفرمایید."),
            ("تمدید قرارداد", "قرارداد نمایندگی ما رو به اتمام است، روند تمدید چگونه است؟"),
        ),
        (
            ("Signed reseller contract", "We have sent the signed reseller contract; please confirm receipt."),
            ("Contract renewal", "Our reseller contract expires soon. How do we renew it?"),
        ),
    ),
}  # fmt: skip

# close_desc: (resolved, closed for lack of a reply)
CLOSE_REASONS: Mapping[Language, tuple[str, str]] = {
    Language.FA: ("مشکل برطرف شد", "عدم پاسخ کاربر"),
    Language.EN: ("Resolved", "Closed: no reply from the customer"),
}
RATE_COMMENTS: Mapping[Language, tuple[str | None, ...]] = {
    Language.FA: ("پاسخگویی سریع بود، ممنون", "خیلی طول کشید", "کارشناس بسیار مسلط بود", None),
    Language.EN: ("Quick and helpful", "Took too long", "Clear answer, thanks", None),
}
