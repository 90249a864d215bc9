# ruff: noqa: E501  (one sentence per line reads better than wrapped prose)
"""English: every topic. Written to fit a web shop, a SaaS product, a web host and an SMS panel
alike, since four of the five vendors have English-speaking customers."""

from __future__ import annotations

from types import MappingProxyType

from mockdesk.core.conversations.bank import (
    CommonText,
    LanguageText,
    Scenario,
    TopicText,
    lower_first_word,
)
from mockdesk.core.conversations.model import Topic

# fmt: off
COMMON = CommonText(
    rtl=False,
    system_name="Support",
    after_greeting=lower_first_word,
    customer_greetings=("Hi,", "Hello,", "Hi there,", "Hello support team,", "Good day,", "Hi team,"),
    customer_pleas=(
        "Could you please look into this?",
        "Can you help me with this?",
        "Please let me know what I should do.",
        "Thanks in advance for your help.",
        "I'd appreciate a quick reply.",
        "What are my options?",
    ),
    customer_signoffs=("Thanks,\n{first}", "Best regards,\n{customer}", "Kind regards,\n{customer}", "Cheers,\n{first}", "Many thanks,\n{customer}", "{first}"),
    anonymous_signoffs=("Thanks", "Best regards", "Thank you"),
    to_agent_greetings=("Hi {agent_first},", "Hello {agent_first},"),
    agent_greetings=("Hi {first},", "Hello {first},", "Dear {customer},", "Hey {first},"),
    anonymous_agent_greetings=("Hi,", "Hello,", "Hi there,"),
    first_openers=(
        "Thanks for getting in touch.",
        "Thank you for contacting us, and sorry for the trouble.",
        "Thanks for reaching out, I'm happy to help.",
        "I'm sorry to hear about this.",
        "Thanks for the detailed message.",
        "Thanks for your message, I've picked up your ticket.",
    ),
    ask_openers=("Thanks for the details.", "Thanks, that helps.", "Great, thank you.", "Thanks for getting back to me."),
    progress_openers=("Thanks for your patience.", "A quick update:", "Thanks for bearing with us.", "Thank you for the information."),
    resolve_openers=("Good news!", "Thanks for waiting.", "Thanks for your patience.", "I have an update for you."),
    agent_signoffs=("Kind regards,\n{agent}", "Best regards,\n{agent}", "Best,\n{agent}", "Thanks,\n{agent}", "All the best,\n{agent}"),
    addenda=("One more thing:", "Forgot to mention:", "A quick addition:", "Sorry, I should have added:", "PS:"),
    nudges=(
        "Any update on this?",
        "Hi again, is there any news?",
        "Just following up: has anyone had a chance to look at this?",
        "It's been a few days. Could someone give me an update?",
        "Hello? I'm still waiting for an answer on this.",
    ),
    stills=(
        "Thanks, but unfortunately the problem is still there.",
        "I tried that, and it still doesn't work.",
        "It worked for a day, but now it's happening again.",
        "Sorry, still no luck on my side.",
    ),
    thanks=(
        "Great, thank you!",
        "Perfect, thanks for your help!",
        "All sorted. Thanks a lot.",
        "Thanks for the help!",
        "Brilliant, thank you so much.",
        "Received, thank you. You can close this ticket.",
    ),
    reminders=(
        "Just checking in: did you get a chance to look at my previous question? We need that information before we can continue.",
        "A friendly reminder that we're waiting for your reply. Could you get back to us when you have a moment?",
        "We haven't heard back from you yet. Are you still having this problem?",
    ),
    close_no_reply=(
        "As we haven't heard back from you, I'm closing this ticket for now. Just reply to this message if you still need help and it will reopen.",
        "I'm closing this ticket since we didn't get a reply. If the problem comes back, simply answer this email and we'll pick it up again.",
    ),
    work_notes=(
        "Checked the account history, nothing unusual.",
        "Asked a colleague in second line to take a look. Ref {code}.",
        "Customer had a similar issue before; handle with priority.",
        "Waiting on the third party. Follow up tomorrow if nothing comes in.",
        "Logged as {code} in the internal tracker.",
        "Verified the customer's identity before sharing any details.",
    ),
    closing_notes=(
        "Resolved, customer confirmed. Closing.",
        "Solved on first contact, no follow-up needed.",
        "Root cause documented in {code}.",
        "Closing: fix confirmed, nothing else to do.",
        "Resolution sent; tagged for the monthly review.",
    ),
    acknowledgements=(
        "Thank you for your message. We have received your request and will get back to you as soon as possible, usually within one working day.",
        "This is an automatic confirmation: your request has been received and a member of our team will reply shortly.",
        "We've got your message! Our team answers requests in the order they come in.",
    ),
    solved_notices=("{agent} marked this ticket as solved.", "Status changed to Solved by {agent}."),
    closed_notices=(
        "This ticket was closed automatically after a period without replies. Reply to open a new request.",
        "This ticket has been closed. If you need more help, just reply and we'll reopen it.",
        "Ticket closed.",
    ),
)

TOPICS = MappingProxyType(
    {
        Topic.SHIPPING_DELAY: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Where is my order {order}?", "Order {order} still not delivered", "Parcel hasn't moved in {days} days", "Delivery delayed: {carrier} tracking stuck"),
                    problems=(
                        "I ordered on {date} (order {order}) and it still hasn't arrived.",
                        "My parcel with {carrier} has been stuck on \"in transit\" for {days} days now.",
                        "The expected delivery date for order {order} has passed and nothing has shown up.",
                    ),
                ),
            ),
            details=(
                "The tracking number is {tracking} and the last scan says it left the sorting centre.",
                "Tracking {tracking} hasn't updated since {date}.",
                "I need it for this weekend, so the timing really matters.",
            ),
            asks=(
                ("Could you confirm the delivery address on the order, including the house number?", ("Yes, the address is correct: {address}.", "It should be {address}. That's what I entered.")),
                ("Is there a phone number {carrier} can reach you on if the driver can't find the address?", ("Sure, it's {phone}.", "You can use {phone}, I'm reachable all day.")),
            ),
            progress=(
                "I've opened an investigation with {carrier} for tracking number {tracking}. They usually answer within two working days, and I'll update you as soon as they do.",
                "I've asked {carrier} to locate the parcel and prioritise the delivery. I'm keeping an eye on it.",
            ),
            resolutions=(
                "{carrier} found the parcel: it had been sent to the wrong depot. It's back on its way and should arrive within two working days. You can follow it with {tracking}.",
                "The carrier has confirmed a new delivery date and tracking {tracking} is moving again. If it hasn't arrived by the end of the week, reply here and we'll send a replacement free of charge.",
            ),
        ),
        Topic.LOST_PARCEL: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Parcel lost: order {order}", "Tracking {tracking} shows no movement", "Lost shipment with {carrier}"),
                    problems=(
                        "I think my parcel is lost. Order {order} was shipped on {date} with {carrier} and the tracking hasn't changed since.",
                        "{carrier} tells me they can't find my parcel ({tracking}).",
                        "The tracking page for {tracking} only says \"shipment information received\", {days} days later.",
                    ),
                ),
            ),
            details=(
                "The order contained the {product}, worth {amount}.",
                "I've already called {carrier}, and they told me to contact the sender.",
                "It was a gift, so I'd really like to sort this out quickly.",
            ),
            asks=(
                ("Could you describe the contents and the packaging (box size, colour, any stickers) so we can add it to the claim?", ("It was a brown box, about 30 by 20 cm, with the {product} inside. Nothing special on the outside.", "A plain cardboard box with your logo on the tape. Inside was the {product}.")),
                ("Could you confirm you haven't received a delivery card or a message from {carrier} in the meantime?", ("Confirmed: no card, no email, no text from {carrier}.", "Nothing at all, I checked my letterbox and my spam folder.")),
            ),
            progress=(
                "We've filed a lost-parcel claim with {carrier} under reference {code}. Carriers need several working days to search their network before they declare a parcel lost.",
                "The claim is with {carrier} now. I'll let you know the moment they come back to us.",
            ),
            resolutions=(
                "{carrier} has declared the parcel lost. We've sent a replacement today with tracking number {tracking}, at no cost to you.",
                "The claim has been approved and we've refunded {amount} to your original payment method. It can take 3 to 5 working days to show on your statement.",
            ),
        ),
        Topic.DELIVERED_NOT_RECEIVED: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Marked as delivered but not received", "Order {order} says delivered, nothing here", "Parcel {tracking} not received"),
                    problems=(
                        "Tracking says my parcel was delivered on {date}, but I never received it.",
                        "According to {carrier}, order {order} was delivered yesterday. There was nothing at my door or in my letterbox.",
                        "I got a \"your parcel has been delivered\" notification for {tracking}, but there's no parcel.",
                    ),
                ),
            ),
            details=(
                "I've checked with my neighbours and the reception of my building.",
                "I was at home all day and nobody rang the bell.",
                "The delivery photo in the {carrier} app shows a door that isn't mine.",
            ),
            asks=(
                ("Could you check with your neighbours and any safe place (porch, garage, bin store) where a driver might have left it?", ("I've asked all my neighbours and looked everywhere. It's not here.", "Checked everything, including the bin store. Nothing.")),
                ("Would you be able to sign a short declaration that you didn't receive the parcel? {carrier} needs it before they start an investigation.", ("Of course, the signed declaration is attached.", "Yes, no problem. I've signed it and attached a scan.")),
            ),
            progress=(
                "I've asked {carrier} for the GPS location and the photo of the delivery. I'll be in touch as soon as they reply.",
                "{carrier} is checking with the driver who made the delivery. This usually takes a few working days.",
            ),
            resolutions=(
                "{carrier}'s proof of delivery shows the parcel was left at the wrong address. We've arranged a replacement, which ships today.",
                "The carrier couldn't prove the delivery, so we've refunded {amount}. Sorry for the trouble!",
            ),
        ),
        Topic.DAMAGED_ITEM: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Order {order} arrived damaged", "Broken item in my parcel", "Damaged {product}"),
                    problems=(
                        "My order {order} arrived today, and the {product} inside is damaged.",
                        "The box was crushed when {carrier} delivered it, and the {product} is broken.",
                        "I opened the parcel and the {product} has a big crack in it.",
                    ),
                ),
            ),
            details=(
                "The outer box was dented on one corner, so it looks like it happened in transit.",
                "I've kept all the packaging, just in case.",
                "There was hardly any padding in the box.",
            ),
            asks=(
                ("Could you send us photos of the damage, the inside of the box and the shipping label?", ("Photos attached: the item, the inside of the box and the label.", "Here you go, four photos attached.")),
                ("Was the outer box damaged as well? If so, could you send a photo of it?", ("Yes, one side was pushed in. Photo attached.", "The box looked fine from the outside, oddly enough. Photo attached anyway.")),
            ),
            progress=(
                "Thanks for the photos. We've opened a damage claim with {carrier} (reference {code}) and I'll update you when we hear back.",
                "I've passed the photos to our warehouse team so they can decide between a replacement and a refund.",
            ),
            resolutions=(
                "We're sending you a new {product} today, and there's no need to return the damaged one.",
                "We've refunded {amount} to your original payment method. You can keep or recycle the damaged item.",
            ),
        ),
        Topic.WRONG_ITEM: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Wrong item received in order {order}", "Order {order}: not what I ordered"),
                    problems=(
                        "I received order {order} today, but instead of the {product} there's a completely different item in the box.",
                        "The {product} I received is the wrong colour.",
                    ),
                    asks=(("Could you check the label on the item and tell me the product code printed on it?", ("The label says {code}.", "It's {code}, printed under the barcode.")),),
                    resolutions=("The correct {product} is on its way (tracking {tracking}). We've also emailed you a free return label for the wrong item.",),
                ),
                Scenario(
                    subjects=("Missing item from my order", "Order {order} incomplete"),
                    problems=(
                        "One item is missing from order {order}: the {product} isn't in the parcel.",
                        "Order {order} arrived, but the {product} wasn't in it.",
                    ),
                    asks=(("Was there a note in the parcel saying an item would follow separately?", ("No, there was no note at all.", "No, just the packing slip.")),),
                    resolutions=("We've shipped the missing {product} separately; it should arrive within 2 to 3 working days. Tracking: {tracking}.",),
                ),
            ),
            details=(
                "The packing slip lists the {product}, so it looks like a picking mistake.",
                "Everything else in the order was fine.",
            ),
            asks=(
                ("Could you send a photo of what you received, together with the packing slip?", ("Photo attached, with the packing slip next to it.", "Sure, here's a picture of both.")),
            ),
            progress=(
                "I've asked the warehouse to check the packing records for order {order}.",
                "Our warehouse confirmed a mix-up, and I'm arranging the correct item now.",
            ),
        ),
        Topic.ADDRESS_CHANGE: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Change delivery address for order {order}", "Wrong address on my order", "Please update the shipping address"),
                    problems=(
                        "I made a mistake in the delivery address for order {order}.",
                        "I'm moving this week. Could the parcel for order {order} go to my new address instead?",
                        "I've just noticed that order {order} still has my old address on it.",
                    ),
                ),
            ),
            details=(
                "The correct address is {address}.",
                "As far as I can see, the parcel hasn't been picked up by {carrier} yet.",
            ),
            asks=(
                ("Could you send the full new address, including the postcode, and a phone number for the driver?", ("New address: {address}. Phone: {phone}.", "It's {address}, and my number is {phone}.")),
                ("Has the parcel already been delivered to the old address, or does tracking still show it in transit?", ("Still in transit, according to tracking {tracking}.", "It hasn't been delivered yet, the tracking still says in transit.")),
            ),
            progress=(
                "I've asked {carrier} to redirect the parcel. Carriers don't always accept changes once a parcel is on its way, so I'll confirm when they reply.",
                "The address change request is with {carrier} under reference {code}.",
            ),
            resolutions=(
                "Good news: {carrier} has accepted the change, and the parcel will be delivered to {address}.",
                "{carrier} couldn't change the address while the parcel was in transit, so it's coming back to us. We'll reship it to {address} as soon as it arrives, at no extra cost.",
            ),
        ),
        Topic.RETURNED_TO_SENDER: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Parcel returned to sender for no reason", "Why was order {order} sent back?", "Returned parcel {tracking}"),
                    problems=(
                        "My parcel {tracking} was sent back to the shop, even though the address was correct.",
                        "Tracking for order {order} says \"returned to sender: recipient unknown\", but I've lived here for years.",
                        "{carrier} never tried to deliver order {order} and it's now on its way back to you.",
                    ),
                ),
            ),
            details=(
                "My name is on both the letterbox and the door.",
                "I was home all day on {date} and nobody came.",
            ),
            asks=(
                ("Could you confirm the full address and the name on your letterbox?", ("The address is {address}, and my name is on the letterbox.", "{address}. The name on the letterbox is the same as on the order.")),
                ("Would you like us to reship the order once it's back, or would you prefer a refund?", ("Please reship it. I'll make sure someone is home.", "A refund, please. I've bought it elsewhere in the meantime.")),
            ),
            progress=(
                "We've filed a complaint with {carrier} about the unjustified return (reference {code}).",
                "The parcel is on its way back to our warehouse. I'll reship it as soon as it's scanned in.",
            ),
            resolutions=(
                "The parcel is back with us and we've reshipped it today with tracking number {tracking}. {carrier} covered the costs.",
                "We've refunded the full amount of {amount}, shipping costs included.",
            ),
        ),
        Topic.RETURN_EXCHANGE: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Return label for order {order}", "I'd like to return my order"),
                    problems=(
                        "I'd like to return the {product} from order {order}.",
                        "How do I return part of order {order}?",
                    ),
                    asks=(("Would you prefer a refund or a store credit?", ("A refund, please.", "Store credit is fine.")),),
                    resolutions=("Your return label is attached. Print it, stick it on the box and drop it off at any {carrier} point. Once we receive it, we'll refund {amount} within 5 working days.",),
                ),
                Scenario(
                    subjects=("Exchange for a different size", "Exchange the {product}"),
                    problems=(
                        "The {product} doesn't fit, so I'd like to exchange it for a different size.",
                        "Could I exchange the {product} from order {order} for another colour?",
                    ),
                    asks=(("Which size or colour would you like instead?", ("One size up, please.", "The grey one, please.")),),
                    resolutions=("We've received your return, and your exchange has shipped with tracking number {tracking}.",),
                ),
            ),
            details=(
                "It's unused and still in its original packaging.",
                "I received it on {date}, so I should still be within the return period.",
            ),
            asks=(
                ("Is the item unused, with the tags still on?", ("Yes, it's unused and the tags are still on.", "Yes, I only tried it on once.")),
            ),
            progress=(
                "I've created the return in our system. You'll receive the label by email shortly.",
                "We've received your return and our warehouse is checking it.",
            ),
        ),
        Topic.REFUND: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Refund request", "Refund for order {order}"),
                    problems=(
                        "I'd like a refund of {amount} for order {order}.",
                        "I cancelled within the trial period, but I was still charged {amount}.",
                    ),
                    asks=(("Could you tell us the reason for the refund so we can process it correctly?", ("It just wasn't what I needed, and I cancelled straight away.", "I never used it. I signed up by mistake.")),),
                ),
                Scenario(
                    subjects=("Where is my refund?", "Refund not received"),
                    problems=(
                        "I sent my return back on {date}, but I still haven't received my refund.",
                        "You promised me a refund of {amount} two weeks ago, and it hasn't arrived.",
                    ),
                    asks=(("Do you have the tracking number of your return parcel?", ("Yes, it's {tracking}.", "Here it is: {tracking}.")),),
                ),
            ),
            details=(
                "The charge appeared on my card ending in {card}.",
                "The payment reference is {code}.",
            ),
            asks=(
                ("Could you give me the last four digits of the card you paid with, and the date of the charge?", ("It's the card ending in {card}, charged on {date}.", "Card ending in {card}. The charge is from {date}.")),
            ),
            progress=(
                "I've forwarded your refund request to our billing team for approval.",
                "Your refund is being processed. I'll confirm once it has been sent.",
            ),
            resolutions=(
                "We've refunded {amount} to your card ending in {card}. Depending on your bank, it can take 5 to 10 working days to appear.",
                "The refund of {amount} was issued today under reference {code}.",
            ),
        ),
        Topic.PAYMENT_ISSUE: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Charged twice", "Double charge this month"),
                    problems=("I was charged twice for the same thing: two payments of {amount} on {date}.",),
                    asks=(("Could you send a screenshot of your bank statement showing both charges?", ("Screenshot attached. You can see both charges of {amount}.", "Attached, both payments are highlighted.")),),
                    resolutions=("You were right, the second charge was a duplicate. We've refunded {amount}, and it should be back on your card within a few days.",),
                ),
                Scenario(
                    subjects=("Payment failed", "Card keeps getting declined"),
                    problems=("My payment keeps failing, even though the card works everywhere else.", "I can't pay invoice {invoice}: the payment is declined every time."),
                    asks=(("What exact error message do you see when the payment fails?", ("It just says \"Payment declined\", nothing more.", "\"Your card was declined. Please try another payment method.\"")),),
                    resolutions=("Your bank blocked the payment as a precaution. After you approved it in your banking app, it went through, and invoice {invoice} is now paid.",),
                ),
                Scenario(
                    subjects=("Payment taken but not showing in my account", "Paid, but credit not added"),
                    problems=("I paid {amount} on {date}, but my account still shows the invoice as unpaid.", "The money was taken from my account, but the credit hasn't been added."),
                    asks=(("Could you send the payment reference or a screenshot of the transaction?", ("The reference is {code}.", "Screenshot attached, the reference is {code}.")),),
                    resolutions=("The payment has now been matched to your account and the invoice is marked as paid.",),
                ),
            ),
            details=(
                "The transaction reference is {code}.",
                "I've tried two different cards.",
                "This is the card ending in {card}.",
            ),
            asks=(
                ("Could you confirm the email address on your account?", ("It's {email}.", "The account is under {email}.")),
            ),
            progress=(
                "I've asked our payment provider to look into transaction {code}.",
                "Billing is reconciling the payments, and I'll update you tomorrow at the latest.",
            ),
        ),
        Topic.INVOICE: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Invoice {invoice} is wrong", "VAT number missing on invoice"),
                    problems=("Invoice {invoice} has the wrong company name and is missing our VAT number.",),
                    asks=(("Which company name, address and VAT number would you like on the invoice?", ("VAT number {code}, and the address is {address}.", "Please use our registered address, {address}. The VAT number is {code}.")),),
                    resolutions=("We've issued a corrected invoice with your company details. You'll find it under Billing in your account.",),
                ),
                Scenario(
                    subjects=("Copy of invoice {invoice}", "Can't find my invoice"),
                    problems=("I can't find invoice {invoice} in my account. Could you send me a copy?",),
                    asks=(("Which email address should we send the copy to?", ("Please send it to {email}.", "{email}, our accounts mailbox.")),),
                    resolutions=("I've attached a copy of invoice {invoice}. From now on you'll also find all invoices under Billing in your account.",),
                ),
                Scenario(
                    subjects=("Question about invoice {invoice}", "Invoice amount seems too high"),
                    problems=("I think invoice {invoice} is wrong: it says {amount}, but our plan should be cheaper.",),
                    asks=(("Which billing period is this about?", ("The period that started on {date}.", "The last one, from {date}.")),),
                    resolutions=("The difference comes from a prorated charge for your plan change on {date}. I've attached a breakdown.",),
                ),
            ),
            details=(
                "Our accounts department needs it before the end of the month.",
                "We're on the {plan} plan.",
            ),
            asks=(
                ("Could you confirm the email address the invoice was sent to?", ("It went to {email}.", "Our accounts mailbox, {email}.")),
            ),
            progress=(
                "I've asked our finance team to look at the invoice.",
                "I'm going through the invoice lines with our billing team.",
            ),
        ),
        Topic.SUBSCRIPTION: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Cancel my subscription", "Please cancel my account"),
                    problems=("I'd like to cancel my subscription at the end of the current period.", "Please cancel our subscription; we've moved to another solution."),
                    asks=(("Could you tell us why you're cancelling? It really helps us improve.", ("We just don't use it enough anymore.", "Budget cuts, unfortunately.")),),
                    resolutions=("Your subscription has been cancelled and won't renew. You keep access until the end of the current period.",),
                ),
                Scenario(
                    subjects=("Upgrade to the {plan} plan", "Change my plan"),
                    problems=("We'd like to upgrade to the {plan} plan.", "How do I switch from monthly to yearly billing?"),
                    asks=(("Should the change take effect right away, or at your next renewal?", ("Right away, please.", "At the next renewal is fine.")),),
                    resolutions=("Your plan has been changed. The difference of {amount} is prorated on your next invoice.",),
                ),
            ),
            details=(
                "We've got {count} users at the moment.",
                "The account is registered to {email}.",
            ),
            asks=(
                ("Could you confirm the email address of the account owner?", ("That's {email}.", "It's registered to {email}.")),
            ),
            progress=(
                "I've scheduled the change, and billing will confirm it by email.",
                "I've passed this on to our accounts team.",
            ),
        ),
        Topic.PRODUCT_QUESTION: TopicText(
            scenarios=(
                Scenario(
                    subjects=("{product} out of stock?", "When is the {product} back?"),
                    problems=("Will the {product} be back in stock soon?",),
                    asks=(("Which colour are you interested in, and how many would you need?", ("The black one, {count} pieces.", "Just one, in grey if possible.")),),
                    resolutions=("The {product} is expected back in stock within two weeks. I've added you to the notification list, so you'll get an email as soon as it's available.",),
                ),
                Scenario(
                    subjects=("Discount code not working", "Code {code} not accepted"),
                    problems=("My discount code {code} isn't accepted at checkout.",),
                    asks=(("Could you send a screenshot of the message you see at checkout?", ("Screenshot attached: it says the code is invalid.", "Here it is. It says \"This code cannot be applied to your cart\".")),),
                    resolutions=("The code had expired, so I've applied a discount of {amount} to your order manually.",),
                ),
                Scenario(
                    subjects=("Question about the {product}",),
                    problems=("Could you tell me more about the {product}? The product page doesn't give the dimensions.",),
                    asks=(("Is there anything specific you'd like to use it for, so I can check it fits?", ("It needs to fit on a shelf that's 40 cm deep.", "I want to give it as a present, so mostly the size.")),),
                    resolutions=("I've measured the {product} for you: 32 by 24 by 11 cm, and it weighs 1.2 kg.",),
                ),
            ),
            details=(
                "I'd like to order {count} of them.",
                "I tried it on both my phone and my laptop.",
            ),
            asks=(
                ("Do you already have an order with us, or is this before you buy?", ("Not yet, I'd like to order this week.", "I've ordered from you before, order {order}.")),
            ),
            progress=(
                "I've checked with our purchasing team.",
                "I've asked a colleague in the warehouse to take a look.",
            ),
        ),
        Topic.SALES_INQUIRY: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Pre-sales question", "Thinking of moving to you"),
                    problems=("We're thinking about moving to you and have a few questions before we sign up.", "We're planning to migrate {count} sites to you. Can you help with the migration?"),
                ),
                Scenario(
                    subjects=("Quote for {count} users", "Volume discount?"),
                    problems=("Could you send us a quote for {count} users on the {plan} plan?", "We're an agency with {count} clients. Do you offer volume discounts?"),
                ),
            ),
            details=(
                "We'd like to get started this quarter.",
                "We'd need to be invoiced yearly.",
            ),
            asks=(
                ("Could you tell me a bit more about your setup and how you expect to grow?", ("About {count} users today, probably twice that next year.", "We're {count} people now and hiring.")),
                ("Do you need yearly invoicing, or is monthly fine?", ("Yearly, please.", "Monthly is fine to start with.")),
            ),
            progress=(
                "I've passed your request to our sales team; they'll contact you within one working day.",
                "I'm preparing a quote for you.",
            ),
            resolutions=(
                "Attached is a quote for the {plan} plan: {amount} per month, including a volume discount and a free migration.",
                "We can offer you 20% off the first year. Just reply to this email when you're ready to get started.",
            ),
        ),
        Topic.HOW_TO: TopicText(
            scenarios=(
                Scenario(
                    subjects=("How do I export my data?", "Monthly report export"),
                    problems=("How can I export a monthly report from the dashboard?",),
                    resolutions=("Here's how:\n1. Open Settings.\n2. Go to Reports and choose the month.\n3. Click Export and pick CSV or PDF.",),
                ),
                Scenario(
                    subjects=("How to add a user", "Adding a colleague to our account"),
                    problems=("I can't figure out how to add a new user to our account.",),
                    resolutions=("Go to Settings, then Users, click \"Invite user\", enter their email address and choose a role. They'll get the invitation right away.",),
                ),
                Scenario(
                    subjects=("Question about notifications", "Need some guidance"),
                    problems=("Where do I change the notification settings? We get far too many emails.",),
                    resolutions=("You'll find it under your profile, then Notifications. Untick the events you don't want emails for and click Save.",),
                ),
            ),
            details=(
                "I've looked through the help centre but couldn't find it.",
                "I'm logged in as {email}.",
            ),
            asks=(
                ("Are you logged in as an admin? Some settings are only visible to admins.", ("Yes, I'm the account owner.", "I'm not sure. How can I check?")),
                ("Which page are you on when you try this?", ("I'm on the Settings page.", "The main dashboard, right after logging in.")),
            ),
            progress=(
                "Let me check with our product team whether that's possible on your plan.",
                "I'm writing up the steps for you.",
            ),
        ),
        Topic.FEATURE_REQUEST: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Feature request: dark mode",),
                    problems=("It would be great to have a dark mode. We work late and the white screen is tiring.",),
                ),
                Scenario(
                    subjects=("Suggestion: export to CSV",),
                    problems=("Could you add a way to export everything to CSV?",),
                ),
                Scenario(
                    subjects=("Would love a bulk edit option",),
                    problems=("We'd love to be able to edit several items at once instead of one by one.",),
                ),
            ),
            details=(
                "We have {count} people on the team who would use it every day.",
                "Other tools we use already offer this.",
            ),
            asks=(
                ("Could you tell me a bit more about how you'd use it, so I can pass on the full picture?", ("We update about {count} items every Monday, and doing it one by one takes hours.", "Mostly for reporting to management at the end of the month.")),
                ("Would it be all right if our product team contacted you for a short call about it?", ("Sure, happy to help.", "Yes, mornings work best for me.")),
            ),
            progress=(
                "I've added your request to our feature board and linked it to {code}.",
                "I've shared your suggestion with our product team.",
            ),
            resolutions=(
                "Good news: this shipped in today's release. You'll find it under Settings.",
                "Our product team has put this on the roadmap for next quarter. I've subscribed you to the updates for {code}.",
            ),
        ),
        Topic.LOGIN_ACCESS: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Can't log in to my account", "Login not working"),
                    problems=("I can't log in to my account: it keeps saying my password is wrong.", "My account seems to be locked after too many login attempts."),
                    resolutions=("I've unlocked your account and sent a password reset link to {email}. It's valid for 60 minutes.",),
                ),
                Scenario(
                    subjects=("Password reset email never arrives",),
                    problems=("I've requested a password reset three times, but the email never arrives.",),
                    resolutions=("Your mail server was rejecting our emails. I've sent a new reset link to {email}; it's valid for 60 minutes.",),
                ),
                Scenario(
                    subjects=("Two-factor code not accepted",),
                    problems=("My two-factor code isn't accepted, even though I type it in straight away.",),
                    asks=(("Is the clock on your phone set automatically? Two-factor codes fail when the time is off by more than a minute.", ("It was set manually. I've switched it to automatic.", "It's on automatic already.")),),
                    resolutions=("I've reset your two-factor authentication. Next time you log in you'll be asked to set it up again.",),
                ),
            ),
            details=(
                "My username is {email}.",
                "I got a new phone last week, if that matters.",
                "It worked fine yesterday.",
            ),
            asks=(
                ("Could you confirm the email address on the account and whether you use single sign-on?", ("It's {email}, and no single sign-on.", "{email}. We don't use single sign-on.")),
                ("Do you see an error message when it fails? A screenshot would help.", ("No error, the page just reloads.", "Screenshot attached.")),
            ),
            progress=(
                "I've asked our security team to verify the account before we make any changes.",
                "I'm checking our logs for your account.",
            ),
        ),
        Topic.ACCOUNT_CHANGE: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Change the email address on my account",),
                    problems=("I'd like to change the email address on our account to {email}.",),
                    asks=(("Could you send the change request from the email address currently on the account?", ("Done, I've just sent it from my old address.", "I can't, I no longer have access to it. What else can I do?")),),
                ),
                Scenario(
                    subjects=("Update billing address", "New company address"),
                    problems=("We've moved offices. Please update our billing address to {address}.",),
                ),
                Scenario(
                    subjects=("Change the mobile number on my account",),
                    problems=("Please change the mobile number on my account to {phone}.",),
                ),
            ),
            details=(
                "I no longer have access to the old details.",
                "The account is in my name.",
            ),
            asks=(
                ("For security, could you confirm the last four digits of the card on file?", ("It ends in {card}.", "The card ends in {card}.")),
                ("Could you tell us the email address currently on the account?", ("It's {email}.", "The current one is {email}.")),
            ),
            progress=(
                "I've sent a verification link to the current email address on file.",
                "The change is with our accounts team for approval.",
            ),
            resolutions=(
                "All done: your account details have been updated.",
                "The change is complete. You'll get a confirmation email shortly.",
            ),
        ),
        Topic.VERIFICATION: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Account verification", "Documents uploaded for verification"),
                    problems=("I uploaded my verification documents on {date}, but my account is still unverified.",),
                    resolutions=("Your account is now verified and all features are unlocked.",),
                ),
                Scenario(
                    subjects=("Verification rejected",),
                    problems=("My verification was rejected and I don't understand why.",),
                    resolutions=("The photo was too blurry to read. With the new one, your account is now verified.",),
                ),
                Scenario(
                    subjects=("ID upload fails",),
                    problems=("Uploading my ID keeps failing with a file-size error.",),
                    resolutions=("The file-size limit was 5 MB. I've raised it for your account, and your upload has gone through and been approved.",),
                ),
            ),
            details=(
                "It's for our company account, registration number {code}.",
                "I need it verified before our launch.",
            ),
            asks=(
                ("Could you upload a clearer photo of your ID, with all four corners visible?", ("Uploaded a new photo just now.", "Done. I took it in daylight this time.")),
                ("Does the name on the document match the name on the account exactly?", ("Yes, exactly the same.", "The account uses my short name. Does that matter?")),
            ),
            progress=(
                "Your documents are with our compliance team. Reviews usually take one to two working days.",
                "I've asked compliance to prioritise your review.",
            ),
        ),
        Topic.OUTAGE: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Site down: error {http_status}", "Service not reachable", "Server not responding"),
                    problems=("Since this morning {domain} returns a {http_status} error for every visitor.", "Our service is completely unreachable. Nothing loads at all."),
                    resolutions=("A failed disk on the host server caused this. It has been replaced and everything is running normally again.",),
                ),
                Scenario(
                    subjects=("Everything is very slow today", "Site extremely slow"),
                    problems=("Everything has been extremely slow since yesterday. Pages take more than 30 seconds to load.",),
                    resolutions=("Another customer on the same server was using far too many resources. We've moved them, and response times are back to normal.",),
                ),
            ),
            details=(
                "Our server's IP address is {ip}.",
                "We haven't changed anything on our side.",
                "We're losing orders every minute this goes on.",
            ),
            asks=(
                ("Could you send a screenshot of the error and the time it started?", ("Screenshot attached. It started around 7 this morning.", "Attached. The first error in our log is from about an hour ago.")),
                ("Does it happen from every network, for example from your phone on mobile data as well?", ("Yes, same on mobile data.", "On mobile data it works, but not from the office.")),
            ),
            progress=(
                "Our technicians have found the cause and are working on a fix. I'll update you as soon as it's done.",
                "I've escalated this to our operations team as a priority incident, reference {code}.",
            ),
            resolutions=(
                "A configuration change on our side caused this. We've rolled it back and {domain} is working normally again.",
            ),
        ),
        Topic.BUG: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Report is missing last week's data",),
                    problems=("The weekly report is missing all the data from last week.",),
                    resolutions=("We've fixed the bug and regenerated the missing report data. It should all be there now.",),
                ),
                Scenario(
                    subjects=("App crashes on start",),
                    problems=("The mobile app crashes as soon as I open it.",),
                    asks=(("Which app version and phone are you using?", ("App version 4.2 on Android.", "The latest version, on an iPhone.")),),
                    resolutions=("The fix has been released in the latest app version. Please update, and it should work again.",),
                ),
                Scenario(
                    subjects=("Save button does nothing",),
                    problems=("When I click Save in the settings, nothing happens.",),
                    asks=(("Which browser are you using?", ("Chrome, latest version, on Windows.", "Firefox on a Mac.")),),
                    resolutions=("The fix is live. Please reload the page, and saving should work again.",),
                ),
            ),
            details=(
                "I've tried logging out and in again.",
                "My colleague sees the same thing.",
                "It started after the latest update.",
            ),
            asks=(
                ("Could you send the steps to reproduce it, and a screenshot if possible?", ("Steps and a screenshot are attached.", "I've attached a short screen recording.")),
                ("Since when has this been happening?", ("Since the update on {date}.", "Since yesterday, as far as I can tell.")),
            ),
            progress=(
                "I've reproduced the issue and reported it to our developers as {code}.",
                "Our developers have found the bug and the fix is being tested.",
            ),
        ),
        Topic.API_INTEGRATION: TopicText(
            scenarios=(
                Scenario(
                    subjects=("API returns {http_status}", "API errors since this morning"),
                    problems=("Every call to your API returns HTTP {http_status} since this morning.", "About half of our API calls fail with a {http_status} error."),
                    resolutions=("This was a bug in our API gateway, and it's fixed now. Please retry the failed calls.",),
                ),
                Scenario(
                    subjects=("Webhook deliveries failing", "No webhook events"),
                    problems=("Our webhook hasn't received any events since {date}.",),
                    resolutions=("Your webhook was disabled automatically after repeated timeouts. I've re-enabled it and resent the missed events.",),
                ),
                Scenario(
                    subjects=("Plugin stopped working after update",),
                    problems=("After updating the plugin, nothing syncs anymore.",),
                    asks=(("Which version of the plugin are you running, and on which platform version?", ("Plugin 3.1.2 on the latest platform version.", "The latest plugin version, updated yesterday.")),),
                    resolutions=("The new plugin version needs a fresh API key. Generate one under Settings, API, paste it into the plugin settings, and syncing will resume.",),
                ),
            ),
            details=(
                "The request ID of one failing call is {code}.",
                "Nothing changed in our code.",
            ),
            asks=(
                ("Could you send the full request (without your API key) and the response you get?", ("Request and response attached.", "Attached. The request ID is {code}.")),
                ("Roughly since when has this been happening?", ("Since about {date}.", "Since last night, as far as our logs show.")),
            ),
            progress=(
                "Our developers are investigating, using request {code} as an example.",
                "I've passed the logs to our integrations team.",
            ),
        ),
        Topic.DOMAIN_DNS: TopicText(
            scenarios=(
                Scenario(
                    subjects=("DNS changes not propagating for {domain}", "Change nameservers"),
                    problems=("I changed the DNS records for {domain} yesterday, but the old IP address still shows up.", "{domain} still points to the old server after I changed the nameservers."),
                    asks=(("Could you confirm which nameservers {domain} uses now?", ("I think they're still the old registrar's.", "I've just checked: they point to yours.")),),
                    resolutions=("The DNS zone now points to {ip}. Changes can take a few hours to reach every network, but most see them already.",),
                ),
                Scenario(
                    subjects=("Transfer {domain}", "Authorisation code for {domain}"),
                    problems=("I'd like to transfer {domain} to you. Where do I enter the authorisation code?",),
                    asks=(("Have you unlocked the domain at your current registrar and requested the transfer code?", ("Yes, it's unlocked and I have the code.", "Not yet. I'll do that now.")),),
                    progress=("I've started the transfer for {domain}. The current registrar has up to five days to approve it.",),
                    resolutions=("The transfer of {domain} is complete, and your DNS records were copied over unchanged.",),
                ),
                Scenario(
                    subjects=("SSL certificate for {domain} not renewing",),
                    problems=("The SSL certificate for {domain} expired and didn't renew automatically.",),
                    progress=("I've asked our certificate service to reissue the certificate for {domain}.",),
                    resolutions=("A new certificate has been issued for {domain} and auto-renewal is working again.",),
                ),
            ),
            details=(
                "The A record should point to {ip}.",
                "It's our main business domain, so I'd like this sorted quickly.",
            ),
            asks=(
                ("Is {domain} registered in the same account you're writing from?", ("Yes, same account.", "Yes, it's in this account.")),
                ("Do you use our nameservers for {domain}, or an external DNS provider?", ("Yours.", "External, at our old registrar.")),
            ),
            progress=(
                "I'm checking the zone for {domain} now.",
                "I've asked our domains team to take a look.",
            ),
        ),
        Topic.EMAIL_DELIVERY: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Emails not arriving at {email}", "No incoming mail"),
                    problems=("Since yesterday, no emails have arrived at {email}.",),
                    asks=(("Could you send us the full bounce message the senders receive?", ("Attached. It says \"550 mailbox unavailable\".", "Here it is; it mentions the mailbox is full.")),),
                    resolutions=("Your mailbox was full. I've raised the quota, and new email is arriving again.",),
                ),
                Scenario(
                    subjects=("Our emails go to spam",),
                    problems=("Everything we send from {domain} ends up in our customers' spam folders.",),
                    resolutions=("The SPF record for {domain} was missing. I've added it, and your emails should land in inboxes again within a few hours.",),
                ),
                Scenario(
                    subjects=("Can't send email",),
                    problems=("I can receive email, but sending fails with an authentication error.",),
                    asks=(("Which email app are you using, and which outgoing server and port are set?", ("Outlook, with port 587.", "Apple Mail, port 465 with SSL.")),),
                    resolutions=("The outgoing server needs authentication turned on. Tick \"My outgoing server requires authentication\" and use port 587, and sending will work.",),
                ),
            ),
            details=(
                "It's the mailbox {email}.",
                "We send about {count} emails a day, nothing special.",
            ),
            asks=(
                ("Does it affect every mailbox on {domain}, or just one?", ("Only {email}, as far as I know.", "All of them, I think.")),
                ("When did this start, and did you change anything around that time?", ("Yesterday afternoon, and we didn't change anything.", "Around {date}. We did add a new contact form.")),
            ),
            progress=(
                "I've asked our mail team to check the logs for {email}.",
                "I'm checking the mail server logs and the DNS records for {domain}.",
            ),
        ),
        Topic.BACKUP_RESTORE: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Restore a backup from yesterday", "Deleted files by mistake"),
                    problems=("I accidentally deleted a folder on {domain}. Could you restore yesterday's backup?",),
                ),
                Scenario(
                    subjects=("Need a snapshot restored",),
                    problems=("A plugin update broke our site. Could you restore the snapshot from {date}?",),
                ),
                Scenario(
                    subjects=("Database overwritten, is there a backup?",),
                    problems=("Our database was overwritten during an import. Is there a backup from before {date}?",),
                ),
            ),
            details=(
                "Only the website needs restoring, not the email.",
                "Please don't touch anything else on the server.",
            ),
            asks=(
                ("Should we restore the whole account, or only specific folders or databases?", ("Only the public_html folder, please.", "Just the database, please.")),
                ("Restoring will overwrite everything that changed since then. Is that all right?", ("Yes, that's fine.", "Yes, go ahead.")),
            ),
            progress=(
                "The restore has started. Depending on the size, it can take up to an hour.",
                "I've located the backup from {date} and I'm preparing the restore.",
            ),
            resolutions=(
                "The backup from {date} has been restored. Please check that everything looks right.",
                "The restore is complete and the site is back online.",
            ),
        ),
        Topic.SMS_DELIVERY: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Messages not delivered", "Delivery reports missing"),
                    problems=("Messages sent from line {line} aren't reaching our customers.", "The panel shows our messages as sent, but there's no delivery report."),
                    resolutions=("The operator had a temporary outage, which is now resolved. Messages from line {line} are being delivered normally again.",),
                ),
                Scenario(
                    subjects=("SMS delivery delays", "OTP messages arrive late"),
                    problems=("Our one-time codes arrive several minutes late, sometimes not at all.",),
                    resolutions=("We've moved your one-time codes to a priority route. They're now delivered within seconds.",),
                ),
                Scenario(
                    subjects=("Messages blocked by the operator",),
                    problems=("Our promotional messages are being blocked by the operator.",),
                    asks=(("Could you send the exact text of the message you sent?", ("The text is attached.", "Here it is, word for word.")),),
                    resolutions=("The text matched a filtered keyword. After a small change to the wording, the messages go through again.",),
                ),
            ),
            details=(
                "For example, {phone} didn't receive anything today.",
                "We sent about {count} thousand messages today.",
            ),
            asks=(
                ("Could you send the sending time and two or three recipient numbers that didn't receive the message?", ("For example {phone}, sent today around 10:15.", "{phone} and two others, all sent this morning.")),
                ("Is this happening with every operator, or only one?", ("Mostly one operator, as far as we can tell.", "Every operator, it seems.")),
            ),
            progress=(
                "I've asked our operator liaison to check the delivery logs for line {line}.",
                "The technical team is investigating this with the operator.",
            ),
        ),
        Topic.SENDER_NUMBER: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Dedicated sender number", "Request a new sender line"),
                    problems=("We'd like a dedicated sender number for our company.", "Which documents do you need for a new dedicated line?"),
                    asks=(("Which prefix would you like for the new line?", ("3000, if possible.", "Any is fine; a short one would be nice.")),),
                    resolutions=("The dedicated line {line} has been assigned to your account. You'll find it under Lines in the panel.",),
                ),
                Scenario(
                    subjects=("Sender line {line} not active",),
                    problems=("Sender line {line} still isn't active for sending.",),
                    progress=("I've submitted the activation of line {line} to the technical team.",),
                    resolutions=("Line {line} is active and ready for sending.",),
                ),
            ),
            details=(
                "We send about {count} thousand messages a month.",
                "We applied on {date}.",
            ),
            asks=(
                ("Could you upload your company registration and the signed request form?", ("Both documents are uploaded.", "Uploaded. Let me know if anything is missing.")),
                ("Could you confirm the company name the line should be registered to?", ("Our company name, as on the contract.", "The same as on our account.")),
            ),
            progress=(
                "Your request is with the operator for approval, which usually takes three to five working days.",
                "I've forwarded your request to the lines team.",
            ),
        ),
        Topic.SMS_TEMPLATE: TopicText(
            scenarios=(
                Scenario(
                    subjects=("Approve new message template {code}", "OTP template pending approval"),
                    problems=("We submitted a new template, {code}, on {date}. Could you review it?", "Our verification code template has been pending for {days} days."),
                    resolutions=("Template {code} has been approved and can be used right away.",),
                ),
                Scenario(
                    subjects=("Template rejected", "Why was template {code} rejected?"),
                    problems=("Our template {code} was rejected without a reason.",),
                    resolutions=("The template was rejected because it contained a link. Without the link it has now been approved.",),
                ),
            ),
            details=(
                "We need it for our new app launch.",
                "The template only contains the code and our company name.",
            ),
            asks=(
                ("Could you send the exact template text and what each variable will contain?", ("The text is: \"Your code: %code%\", where the variable is a 6-digit number.", "Attached, with an example for each variable.")),
                ("Could you confirm that the brand name in the template is registered to your account?", ("Yes, it's the name on our contract.", "Yes, our registered brand name.")),
            ),
            progress=(
                "Your template is with the review team.",
                "I've asked the review team to prioritise template {code}.",
            ),
        ),
    }
)
# fmt: on

TEXT = LanguageText(common=COMMON, topics=TOPICS)
