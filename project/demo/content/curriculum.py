"""Demo training content for Frontline LMS.

Original course material for the fictional household energy and water supplier Brightwater Utilities.
Pure data: ``build_courses.py`` turns it into skills, policy snippets, course pages and module pages.

Module bodies are lists of ``(block_type, value)`` tuples using the block types defined in
``courses/blocks.py``: "text", "key_points", "dialogue", "policy" and "reflection". A "policy" block
names a policy by its slug in ``POLICIES``. Diagrams ("image" blocks) are drawn and placed by
``illustrations.py``. A course's optional ``audience_job_titles`` limits who the catalogue offers it to.
"""

from __future__ import annotations

SKILLS = [
    {
        "slug": "listening",
        "name": "Active listening",
        "description": (
            "Giving the customer your full attention, letting them finish and checking you have "
            "understood before you act. It is the foundation for every other skill in Frontline."
        ),
    },
    {
        "slug": "names-and-titles",
        "name": "Names and titles",
        "description": (
            "Addressing customers the way they want to be addressed, saying their name correctly and "
            "using it naturally without overdoing it."
        ),
    },
    {
        "slug": "acknowledgement",
        "name": "Acknowledgement",
        "description": (
            "Recognising, out loud, the customer's problem and how it has affected them before moving "
            "on to fix it."
        ),
    },
    {
        "slug": "apology",
        "name": "Apology",
        "description": (
            "Giving a sincere, specific apology on behalf of the company that takes ownership without "
            "blaming the customer, a colleague or the system."
        ),
    },
    {
        "slug": "policy-knowledge",
        "name": "Policy knowledge",
        "description": (
            "Knowing what our policies say, why they exist and where your own authority ends, so "
            "customers get the same correct answer whoever they speak to."
        ),
    },
    {
        "slug": "first-contact-resolution",
        "name": "First-contact resolution",
        "description": (
            "Owning the customer's issue and resolving it on the first contact wherever possible, with "
            "a warm transfer only when another team genuinely has to act."
        ),
    },
    {
        "slug": "leading",
        "name": "Leading a service team",
        "description": (
            "Learning first, repeating the message, giving consistent answers on policy and coaching "
            "agents from real calls, with fair sign-off of practical observations."
        ),
    },
]

POLICIES = [
    {
        "slug": "refunds",
        "title": "Refunds and account credits",
        "summary": (
            "Sets out when we refund or credit a customer's account, who can approve each amount and "
            "how quickly the money must reach the customer."
        ),
        "body": (
            "<h3>What this policy covers</h3><p>This policy applies to every refund of a credit "
            "balance and every goodwill or compensation credit applied to a Brightwater Utilities "
            "household account, whether for energy, water or both.</p><h3>Approval "
            "limits</h3><ul><li><strong>Customer service agents</strong> may approve goodwill credits "
            "of up to <strong>£50</strong> per contact, and no more than £100 on one account in any "
            "12-month period.</li><li><strong>Team leaders</strong> may approve credits of up to "
            "<strong>£250</strong> per contact.</li><li><strong>Customer Relations managers</strong> "
            "may approve up to <strong>£1,000</strong>. Anything above £1,000 needs the Head of "
            "Customer Operations.</li><li>Correcting a <strong>billing error we made</strong> is not "
            "goodwill. Once Billing has confirmed the corrected figure, any agent may refund the full "
            "overpayment, with no upper limit.</li></ul><h3>Timescales</h3><ol><li>Refunds of a credit "
            "balance are sent within <strong>5 working days</strong> to the bank account the customer "
            "pays from, or within <strong>10 working days</strong> to a debit or credit "
            "card.</li><li>If the customer asks for a cheque, it is posted within 10 working "
            "days.</li><li>Where our error would otherwise leave a customer in hardship, for example "
            "overdrawn before rent or a mortgage payment is due, a team leader may authorise a "
            "<strong>same-day payment</strong>.</li><li>Goodwill credits appear on the account "
            "straight away and show on the next bill.</li><li>If an approval above your limit is "
            "needed, the approver must decide within <strong>2 working days</strong>, and the customer "
            "is told the outcome on the day it is made.</li></ol><h3>Every time</h3><ul><li>Record the "
            "reason code and a short note on the account, including any timescale you "
            "gave.</li><li>Never promise an amount you cannot approve yourself. Tell the customer who "
            "will decide, and by when.</li><li>Goodwill goes alongside putting the problem right, "
            "never instead of it.</li></ul>"
        ),
    },
    {
        "slug": "complaints",
        "title": "Complaints handling",
        "summary": (
            "Explains what counts as a complaint, how it is logged and acknowledged, the 8-week "
            "deadline for a final response and how a complaint is escalated."
        ),
        "body": (
            "<h3>What counts as a complaint</h3><p>A complaint is any expression of dissatisfaction, "
            "spoken or written, about our service, our products or how we have treated someone, where "
            "a response is expected. The customer does not have to use the word <em>complaint</em>. If "
            "in doubt, treat it as one.</p><h3>Logging</h3><ol><li>Log the complaint on the complaints "
            "system <strong>during the contact</strong>, even if you resolve it there and "
            "then.</li><li>Record what the customer is unhappy about in their own words, what they "
            "would like to happen, and any vulnerability they have told you about.</li><li>If it is "
            "resolved by the end of the next working day and the customer agrees, close it as a "
            "<em>quick resolution</em> and send the quick resolution letter or "
            "email.</li></ol><h3>Acknowledgement and updates</h3><ul><li>Every complaint not resolved "
            "on the spot is acknowledged within <strong>1 working day</strong>, by the customer's "
            "preferred channel, giving the reference number and the name of the person who owns "
            "it.</li><li>The owner updates the customer at least every <strong>10 working "
            "days</strong>, even when there is no news.</li></ul><h3>Resolution and "
            "escalation</h3><ul><li>We resolve complaints as quickly as we can and must send a "
            "<strong>final response within 8 weeks</strong> of receiving the complaint.</li><li>If the "
            "customer is unhappy with how the complaint is being handled, the agent passes it to their "
            "team leader the same day. A complaint still open after 10 working days moves to the "
            "Customer Relations team.</li><li>The final response explains the customer's right to take "
            "the complaint to the independent ombudsman, free of charge, and how to do it. If we have "
            "not resolved the complaint within 8 weeks, the customer may go to the ombudsman then, "
            "without waiting for our letter.</li></ul>"
        ),
    },
    {
        "slug": "vulnerable-customers",
        "title": "Supporting customers in vulnerable circumstances",
        "summary": (
            "Helps agents recognise when a customer may be in vulnerable circumstances and sets out "
            "the support we must offer, with the customer's consent."
        ),
        "body": (
            "<h3>Why it matters</h3><p>Anyone can find themselves in vulnerable circumstances, for a "
            "short time or a long time. Bereavement, illness, a new baby, losing a job, a disability "
            "or simply being under great strain can all make it harder for someone to manage their "
            "account or to speak up for themselves.</p><h3>Signs to listen for</h3><ul><li>Mentions of "
            "illness, a hospital stay, or medical equipment that needs power or "
            "water.</li><li>Bereavement, separation, a recent job loss or sudden money "
            "worries.</li><li>Difficulty hearing, reading, understanding or remembering what has been "
            "said.</li><li>Young children or older people in the home without heating, hot water or "
            "running water.</li><li>Distress, confusion, or a familiar caller who sounds unlike "
            "themselves.</li></ul><h3>What we do</h3><ol><li>Listen, slow down and ask: <em>Is there "
            "anything that would make it easier for you to deal with us?</em> Do not assume and do not "
            "diagnose.</li><li>With the customer's consent, add them to the <strong>Priority Services "
            "Register</strong> and record only what we need to help them.</li><li>Offer the services "
            "that fit: a nominated person to deal with us on their behalf, bills in large print, "
            "braille or audio, a password scheme for home visits, and advance notice of planned supply "
            "interruptions.</li><li>Where money is a worry, place a <strong>30-day hold</strong> on "
            "debt recovery while we agree an affordable plan.</li><li>If a customer relies on medical "
            "equipment and has lost supply, treat it as an emergency: stay on the line and transfer "
            "warmly to the Emergency team. Refer any other urgent case to the <strong>Extra Care "
            "team</strong> the same day.</li></ol><p>We never disconnect a household on the Priority "
            "Services Register because of debt.</p>"
        ),
    },
    {
        "slug": "call-transfers",
        "title": "Call transfers and call-backs",
        "summary": (
            "Sets out when a call may be transferred, how every transfer must be made warm, and the "
            "rules for promising and keeping a call-back."
        ),
        "body": (
            "<h3>The starting point</h3><p>The person who answers a contact owns it. Most contacts can "
            "and should be resolved by that person. A transfer is the exception, not the "
            "routine.</p><h3>When a transfer is allowed</h3><ul><li>Another team must act and you do "
            "not have the access or authority to do it, for example booking a meter exchange, closing "
            "a bereaved customer's account or setting up a payment plan longer than 12 "
            "months.</li><li>The customer has an emergency, such as a loss of supply while relying on "
            "medical equipment, or a burst main or flooding. This goes to the Emergency team at "
            "once.</li><li>The customer asks to speak to someone else after you have offered to "
            "help.</li></ul><p>Check the routing guide first so the transfer reaches the right team "
            "the first time.</p><h3>Warm transfer rules</h3><ol><li>Explain to the customer why you "
            "are transferring and who they will speak to, and ask whether that is all "
            "right.</li><li>Stay on the line until a colleague answers. Introduce the customer by name "
            "and title and summarise the issue, so the customer does not have to repeat "
            "it.</li><li>Leave the call only when your colleague confirms they have everything they "
            "need.</li></ol><p><strong>Never cold-transfer.</strong> Putting a customer into another "
            "queue without speaking to anyone first is not allowed.</p><h3>Call-backs</h3><ul><li>If "
            "the receiving team does not answer within <strong>3 minutes</strong>, do not leave the "
            "customer holding. Offer a call-back instead.</li><li>Agree a time window of no more than "
            "<strong>2 hours</strong>, log it on the account and tell the customer who will "
            "call.</li><li>If a call-back cannot be kept, contact the customer before the window "
            "starts to rearrange.</li><li>A customer is transferred no more than <strong>once</strong> "
            "in a contact. If a second transfer seems necessary, speak to your team leader "
            "first.</li></ul>"
        ),
    },
]

COURSES = [
    {
        "slug": "active-listening",
        "title": "Active listening",
        "summary": (
            "Customers can tell within seconds whether they are being listened to or processed. This "
            "course shows you how to give someone your full attention, let them finish, check you have "
            "understood and address them properly, so the rest of the contact goes better for both of "
            "you."
        ),
        "audience": "Everyone who talks to customers",
        "estimated_minutes": 45,
        "leaders_first": False,
        "validity_months": 24,
        "skills": [
            "listening",
            "names-and-titles",
        ],
        "modules": [
            {
                "slug": "listening-is-the-job",
                "title": "Listening is the job",
                "summary": (
                    "Why hearing the whole story first is faster, kinder and more accurate than "
                    "jumping straight to an answer."
                ),
                "estimated_minutes": 12,
                "body": [
                    (
                        "text",
                        (
                            "<p>Most people who contact Brightwater Utilities have already tried to "
                            "sort something out themselves. By the time they reach you they may have "
                            "read a confusing bill twice, searched our website and waited in a queue. "
                            "What they want first is not an answer. They want to feel that someone has "
                            "actually heard them.</p><p>Once you know our systems well, it is tempting "
                            "to recognise a problem after the first sentence and start fixing it. You "
                            "are often right about what the problem is. But when you jump in early, "
                            "three things go wrong:</p><ul><li>You miss the detail that changes the "
                            "answer, such as the meter that was replaced last month or the new baby in "
                            "the house.</li><li>The customer feels rushed, so they repeat themselves, "
                            "louder, and the call gets longer.</li><li>You fix the problem you "
                            "expected rather than the one they have.</li></ul><p>We sometimes call "
                            "this being <strong>educated but unskilled</strong>: knowing every policy "
                            "and every screen, but not yet able to let a worried or angry person "
                            "finish a sentence. Knowledge matters, and later courses cover it in "
                            "depth. Listening is what lets you use that knowledge on the right "
                            "problem.</p><h3>What active listening means</h3><p>Active listening is "
                            "more than staying quiet. It means giving the customer your full "
                            "attention, showing them you are following, and checking your "
                            "understanding before you act. On the phone the customer cannot see you "
                            "nod, so small spoken signals do the work: <em>I see</em>, <em>right</em>, "
                            "<em>go on</em>. On chat and email it shows in replies that pick up the "
                            "customer's own words rather than pasting a template.</p>"
                        ),
                    ),
                    (
                        "key_points",
                        {
                            "title": "Remember",
                            "points": [
                                "Let the customer tell the whole story before you start solving.",
                                ("Small signals such as 'I see' and 'go on' show you are still with them."),
                                "Note the details as you go, so you never have to ask twice.",
                                "Check your understanding out loud before you act.",
                                "Knowing the answer is not the same as knowing the problem.",
                            ],
                        },
                    ),
                    (
                        "dialogue",
                        {
                            "title": "Before: jumping in too early",
                            "situation": (
                                "Mrs Okafor calls about her latest energy bill, which is far higher "
                                "than usual. She has been waiting in the queue for eight minutes."
                            ),
                            "lines": [
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "Hello, I'm calling about my bill. It's come through at nearly "
                                        "three hundred pounds, and normally it's about ninety, so I..."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Right, that'll be an estimated reading. If you give me a "
                                        "reading now I can redo the bill."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": ("No, that's not it, I did send a reading, I sent it on the..."),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Okay, so if the reading's gone in, it's probably the weather. "
                                        "Usage goes up in the colder months."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "It hasn't gone up. My mother's moved out, there's only me in "
                                        "the house now. That's what I'm trying to tell you."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": "Okay. Can I take your account number?",
                                },
                            ],
                            "takeaway": (
                                "The agent knew two common reasons for a high bill and offered both, "
                                "but neither was Mrs Okafor's problem. She was interrupted twice, "
                                "contradicted once, and still has not been asked the question that "
                                "matters."
                            ),
                        },
                    ),
                    (
                        "dialogue",
                        {
                            "title": "After: letting her finish",
                            "situation": (
                                "Mrs Okafor calls about her latest energy bill, which is far higher "
                                "than usual. She has been waiting in the queue for eight minutes."
                            ),
                            "lines": [
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "Hello, I'm calling about my bill. It's come through at nearly "
                                        "three hundred pounds, and normally it's about ninety."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "That's a big jump, I can see why you'd want to look into it. "
                                        "Tell me what's happened."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "Well, I sent a meter reading on the first, like I always do. "
                                        "And my mother moved into a care home in the autumn, so "
                                        "there's only me now. It should have gone down, not up."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "I see. So you sent an actual reading on the first, you're on "
                                        "your own in the house now, and yet the bill has tripled. Have "
                                        "I got that right?"
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "Yes, exactly that.",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Thank you, Mrs Okafor. Let me bring up the readings we've "
                                        "received. We have your reading from the first, but it's been "
                                        "entered with an extra digit, which is why the bill is so "
                                        "high. I'll correct it and reissue the bill while we're on the "
                                        "phone."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "Oh, thank goodness. I thought I was going mad.",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Not at all, you were right to question it. The corrected bill "
                                        "comes to about eighty-five pounds, and I'll email it to you "
                                        "within the hour."
                                    ),
                                },
                            ],
                            "takeaway": (
                                "One open question and one summary took about twenty seconds. They "
                                "gave the agent the real problem, a mis-keyed reading, and Mrs Okafor "
                                "heard her own words played back, so she knew she had been understood."
                            ),
                        },
                    ),
                    (
                        "reflection",
                        {
                            "prompt": (
                                "Think about your last three calls. How much had the customer said "
                                "before you first started talking about a solution?"
                            ),
                            "hint": (
                                "If you can, listen back to a recording. Many of us interrupt far "
                                "earlier than we think, often within the first fifteen seconds."
                            ),
                        },
                    ),
                ],
            },
            {
                "slug": "listening-without-interrupting",
                "title": "Listening without interrupting",
                "summary": (
                    "Practical habits that help you hold back, stay focused and still keep the "
                    "conversation moving."
                ),
                "estimated_minutes": 12,
                "body": [
                    (
                        "text",
                        (
                            "<p>Not interrupting sounds simple until you try it on a busy afternoon "
                            "with the queue building. Most interruptions are not rude. They are "
                            "helpful intentions arriving too early. These habits make it easier to "
                            "hold back.</p><h3>Habits that help</h3><ol><li><strong>Breathe before you "
                            "speak.</strong> When the customer pauses, count one beat in your head. "
                            "People often pause to gather the next part of their story, and that is "
                            "when the important detail arrives.</li><li><strong>Write, don't "
                            "speak.</strong> Keep the notes field open and jot down names, dates, "
                            "amounts and the words the customer uses. If a question occurs to you, "
                            "write it down and ask it when they have finished.</li><li><strong>Use the "
                            "customer's words.</strong> If they say the water is <em>brown</em>, say "
                            "brown, not <em>discoloured</em>. It shows you listened and avoids "
                            "misunderstandings.</li><li><strong>Open questions first, closed questions "
                            "later.</strong> <em>What happened next?</em> lets them tell it their way. "
                            "<em>Was that on the Tuesday?</em> is for checking facts once you have the "
                            "picture.</li><li><strong>Summarise before you solve.</strong> A short "
                            "summary ending in <em>Have I got that right?</em> lets the customer "
                            "correct you before you spend time on the wrong thing.</li></ol><h3>When "
                            "you do need to interrupt</h3><p>Sometimes you must step in: the customer "
                            "describes an emergency, starts discussing someone else's account, or has "
                            "gone round the same point several times. Do it gently and say why: "
                            "<em>Sorry to stop you there, Mr Lindqvist. You mentioned water coming "
                            "through the ceiling. Is that happening right now?</em> Using their name "
                            "and giving a reason makes the interruption feel like care rather than "
                            "impatience.</p><p>Listening matters in writing too. On chat, wait until "
                            "the customer has stopped typing before you reply. On email, read the "
                            "whole message, including the part at the bottom, before you start writing "
                            "back.</p>"
                        ),
                    ),
                    (
                        "key_points",
                        {
                            "title": "Five habits",
                            "points": [
                                "Count one beat when the customer pauses.",
                                "Write your question down instead of asking it straight away.",
                                "Use the customer's own words back to them.",
                                "Open questions first, closed questions to check facts.",
                                "If you must interrupt, use their name and say why.",
                            ],
                        },
                    ),
                    (
                        "dialogue",
                        {
                            "title": "Letting the detail come out",
                            "situation": (
                                "Mr Lindqvist is moving house and calls to close his energy and water "
                                "account. He sounds hurried."
                            ),
                            "lines": [
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "Hi, I'm moving out on Friday and I need to close everything "
                                        "down. Water, electric, all of it."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Of course, I can help with that. Tell me a bit about the move."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "Right. So I'm out on Friday, the new people move in on "
                                        "Monday, I think. I'll give you readings on the day. Oh, and "
                                        "the forwarding address is my daughter's for now, because the "
                                        "new flat isn't ready."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": "Okay.",
                                },
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "And... there's a prepayment key for the electric somewhere. "
                                        "It was my wife's, she handled all of this. She passed away in "
                                        "March."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "I'm very sorry to hear that, Mr Lindqvist. Thank you for "
                                        "telling me. Let me check I've got everything: you leave on "
                                        "Friday, you'll send readings that day, the final bill goes to "
                                        "your daughter's address for now, and there's a prepayment key "
                                        "for the electricity that was your late wife's. Is that right?"
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "That's right. I didn't know if the key mattered.",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "It does, and I'm glad you mentioned it. I'll check whose name "
                                        "the electricity account is in and make sure any credit on "
                                        "that key comes back to you. I can do all of this on this "
                                        "call, and I'll tell you each step as I go."
                                    ),
                                },
                            ],
                            "takeaway": (
                                "If the agent had started the closure process after the first "
                                "sentence, the prepayment key and the bereavement might never have "
                                "come up. A simple 'Okay' and a pause gave Mr Lindqvist room to share "
                                "the part he was unsure about."
                            ),
                        },
                    ),
                    (
                        "reflection",
                        {
                            "prompt": (
                                "When did you last give a customer the right answer to the wrong "
                                "question? What did it cost the call?"
                            ),
                            "hint": (
                                "Look for calls where the customer said 'No, that's not what I mean' "
                                "or repeated themselves. Those are often signs that you stepped in "
                                "early."
                            ),
                        },
                    ),
                ],
            },
            {
                "slug": "names-and-titles",
                "title": "Using names and titles well",
                "summary": (
                    "How to address customers the way they want to be addressed, get their name right "
                    "and use it naturally."
                ),
                "estimated_minutes": 10,
                "body": [
                    (
                        "text",
                        (
                            "<p>A person's name is part of who they are. Getting it right tells the "
                            "customer they are a person to us, not an account number. Getting it "
                            "wrong, especially more than once, can undo a lot of good work elsewhere "
                            "in the call.</p><h3>Start formal, then follow the customer's "
                            "lead</h3><p>Use the title and surname on the account, such as <em>Mrs "
                            "Okafor</em>, <em>Mr Lindqvist</em> or <em>Dr Patel</em>, until the "
                            "customer invites you to do otherwise. Do not switch to first names "
                            "because it feels friendlier to you. Some customers are happy to be called "
                            "by their first name. Many, especially older customers, are not, and few "
                            "will tell you it bothered them. If you are not sure, ask: <em>How would "
                            "you like me to address you?</em></p><h3>Titles matter</h3><ul><li>If the "
                            "account shows a title such as Dr or Professor, use it.</li><li>Do not "
                            "guess Mrs or Miss. Use Ms, or ask.</li><li>Some customers use Mx, or no "
                            "title at all. Use what is on the account or what they tell "
                            "you.</li><li>If the name or title on the account is wrong, offer to "
                            "correct it, and thank them for telling you.</li></ul><h3>Saying it "
                            "properly</h3><p>If you are not sure how to say a name, ask once, early, "
                            "and add a note on how to say it so the next colleague gets it right too: "
                            "<em>Can I check I'm saying your name correctly?</em> Customers nearly "
                            "always appreciate being asked. Guessing, and then getting it wrong five "
                            "times, is what they remember.</p><h3>How often to use it</h3><p>Use the "
                            "customer's name when you greet them, at important moments such as an "
                            "apology or a key explanation, and when you close. Using it in every "
                            "sentence sounds scripted and can feel like pressure. Two to four times in "
                            "a typical call is plenty.</p><h3>When the caller is not the account "
                            "holder</h3><p>Someone may call about a relative's account, or the account "
                            "holder may have died. Check who you are speaking to, address them by "
                            "their own name, and refer to the account holder respectfully, for example "
                            "<em>your late husband, Mr Achterberg</em>. Never address a bereaved "
                            "caller by the name of the person who has died.</p>"
                        ),
                    ),
                    (
                        "key_points",
                        {
                            "title": "Getting names right",
                            "points": [
                                "Use title and surname until the customer invites you to do otherwise.",
                                "Never guess Mrs or Miss. Use Ms, or ask.",
                                "Ask once how to say a name, and note it for colleagues.",
                                "Use the name at the greeting, at key moments and at the close.",
                                ("Correct a wrong name or title on the account when the customer tells you."),
                            ],
                        },
                    ),
                    (
                        "dialogue",
                        {
                            "title": "Before: over-familiar and wrong",
                            "situation": (
                                "Dr Priya Patel calls to query an increase in her direct debit. Her "
                                "account shows her title as Dr."
                            ),
                            "lines": [
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Good morning, Brightwater Utilities, you're speaking to "
                                        "Jordan. Can I take your name?"
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "It's Dr Patel. Priya Patel.",
                                },
                                {
                                    "speaker": "agent",
                                    "text": ("Lovely, thanks Priya. So what can I do for you today, Priya?"),
                                },
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "My direct debit has gone up by forty pounds and nobody told me why."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": "No worries, Mrs Patel, let me have a look for you.",
                                },
                                {
                                    "speaker": "customer",
                                    "text": "It's Dr Patel. As I said.",
                                },
                            ],
                            "takeaway": (
                                "Within four lines the agent used her first name without being invited "
                                "and then the wrong title. Dr Patel is now irritated about something "
                                "that has nothing to do with her direct debit."
                            ),
                        },
                    ),
                    (
                        "dialogue",
                        {
                            "title": "After: following her lead",
                            "situation": "The same call, handled well.",
                            "lines": [
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Good morning, Brightwater Utilities, you're speaking to "
                                        "Jordan. Can I take your name?"
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "It's Dr Patel. Priya Patel.",
                                },
                                {
                                    "speaker": "agent",
                                    "text": "Thank you, Dr Patel. How can I help today?",
                                },
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "My direct debit has gone up by forty pounds and nobody told me why."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "I can understand wanting to know why before it's taken. Let "
                                        "me look at what has changed on your account."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "Please. And you can call me Priya, that's fine.",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Thank you, Priya. Your payment was reviewed on the tenth and "
                                        "raised because of last winter's usage. A letter should have "
                                        "gone out explaining it, and I'm sorry it didn't reach you. "
                                        "Let me go through the figures with you now."
                                    ),
                                },
                            ],
                            "takeaway": (
                                "The agent used the title Dr Patel gave and moved to her first name "
                                "only when she offered it. The conversation stayed on her question "
                                "rather than on how she was being addressed."
                            ),
                        },
                    ),
                    (
                        "reflection",
                        {
                            "prompt": (
                                "Do you default to first names? Over your next five calls, notice how "
                                "each customer gives their name and whether you match it."
                            ),
                            "hint": (
                                "The way someone introduces themselves is often a clue. 'It's Mrs "
                                "Hughes' and 'I'm Dave' are inviting different things."
                            ),
                        },
                    ),
                ],
            },
            {
                "slug": "summarise-and-check",
                "title": "Summarising and checking understanding",
                "summary": (
                    "Turning what you have heard into a short summary the customer can confirm, so you "
                    "solve the right problem first time."
                ),
                "estimated_minutes": 11,
                "body": [
                    (
                        "text",
                        (
                            "<p>The summary is where listening turns into action. It is a short, plain "
                            "recap of what the customer has told you, followed by a check. It proves "
                            "you listened, catches misunderstandings early and gives you both the same "
                            "starting point.</p><h3>A good summary</h3><ul><li>Covers the "
                            "<strong>facts</strong>: what happened, when, and any amounts or "
                            "references.</li><li>Recognises the <strong>impact</strong>: how it has "
                            "affected the customer, in their words.</li><li>States what the customer "
                            "<strong>wants</strong>: a refund, an explanation, a visit, or simply for "
                            "it to stop happening.</li><li>Ends with a <strong>check</strong>: "
                            "<em>Have I understood that correctly?</em> or <em>Is there anything I've "
                            "missed?</em></li></ul><p>Keep it short. Three or four sentences is "
                            "usually enough. If you find yourself summarising for a full minute, you "
                            "are probably retelling the story rather than drawing out what "
                            "matters.</p><h3>What the customer wants</h3><p>The <em>wants</em> part is "
                            "the one agents most often skip, and it matters most. Two customers with "
                            "the same billing error may want very different things: one wants the bill "
                            "corrected and nothing more, the other wants to understand how it happened "
                            "so it never happens again. If you are not sure, ask: <em>What would a "
                            "good outcome look like for you?</em></p><h3>When the customer corrects "
                            "you</h3><p>A correction is good news. It means the summary did its job. "
                            "Thank them, adjust, and summarise the changed part again. Do not defend "
                            "your first version.</p><h3>Summarising in writing</h3><p>On email and "
                            "chat, open your reply with a one-line summary of the customer's issue "
                            "before you answer it. It shows you read their message properly, and it "
                            "helps any colleague who picks up the case later.</p>"
                        ),
                    ),
                    (
                        "key_points",
                        {
                            "title": "The summary in four parts",
                            "points": [
                                "Facts: what happened, when, and any amounts.",
                                "Impact: how it has affected the customer.",
                                "Wants: the outcome the customer is hoping for.",
                                "Check: ask whether you have it right, and welcome corrections.",
                                "Keep it to three or four sentences.",
                            ],
                        },
                    ),
                    (
                        "dialogue",
                        {
                            "title": "A summary that catches a mistake",
                            "situation": (
                                "Ms Haddad calls about a very high water bill after a burst pipe under "
                                "her kitchen floor. She has heard that we can make a leak allowance."
                            ),
                            "lines": [
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "I had a burst pipe under the kitchen floor in January. A "
                                        "plumber fixed it, but my water bill is enormous, and I've "
                                        "been told you can make an allowance."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "I'm sorry you've had that to deal with, Ms Haddad. It sounds "
                                        "stressful. Tell me a bit more about the bill."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "It's six hundred and forty pounds for the quarter. I normally "
                                        "pay about a hundred and twenty. I've got the plumber's "
                                        "invoice."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Thank you. So, to check I've understood: a pipe burst under "
                                        "your kitchen floor in January, a plumber repaired it, and "
                                        "your bill for that quarter is six hundred and forty pounds "
                                        "against a usual hundred and twenty. You'd like us to consider "
                                        "a leak allowance. Is that right?"
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "Nearly. It was December, not January. Boxing Day, actually. "
                                        "And I'd like the quarter before looked at too, because I "
                                        "think it was leaking for a while before it burst."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Thank you for correcting me, that's important. So the burst "
                                        "was on Boxing Day, and you'd like us to look at both that "
                                        "quarter and the one before it. I'll note both, and I'm "
                                        "texting you a link now so you can upload the plumber's "
                                        "invoice."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "That's perfect, thank you.",
                                },
                            ],
                            "takeaway": (
                                "Without the summary, the allowance request would have covered the "
                                "wrong period and Ms Haddad would have needed to call back. Inviting "
                                "the correction saved a second contact."
                            ),
                        },
                    ),
                    (
                        "reflection",
                        {
                            "prompt": (
                                "Pick a call from this week where the customer had to explain "
                                "something twice. Where would a summary have helped?"
                            ),
                            "hint": (
                                "Write the summary you wish you had given, in four sentences: facts, "
                                "impact, wants, check."
                            ),
                        },
                    ),
                ],
            },
        ],
    },
    {
        "slug": "acknowledgement-and-apology",
        "title": "Acknowledgement and apology",
        "summary": (
            "Customers who are upset need to hear that we understand what has gone wrong before they "
            "can take in a solution. This course covers acknowledging the problem first, staying "
            "steady with an angry caller and giving a sincere apology that takes ownership without "
            "blaming anyone."
        ),
        "audience": "Everyone who talks to customers",
        "estimated_minutes": 50,
        "leaders_first": True,
        "validity_months": 24,
        "skills": [
            "acknowledgement",
            "apology",
        ],
        "modules": [
            {
                "slug": "acknowledge-before-you-solve",
                "title": "Acknowledge before you solve",
                "summary": (
                    "Why naming the problem and its effect on the customer comes before any fix, and "
                    "how to do it without sounding scripted."
                ),
                "estimated_minutes": 12,
                "body": [
                    (
                        "text",
                        (
                            "<p>When something has gone wrong, a customer is carrying two things: the "
                            "problem itself, and how it has made them feel. If you go straight to the "
                            "fix, you deal with the first and ignore the second. The customer does not "
                            "feel better even when the problem is solved, and often they cannot take "
                            "in your solution because they are still waiting to be "
                            "heard.</p><p>Acknowledgement is a short statement that shows you "
                            "understand both the problem and its effect on the customer. It is not "
                            "agreeing that we were at fault, and it is not yet an apology. It is "
                            "recognition.</p><h3>What acknowledgement sounds like</h3><ul><li><em>No "
                            "water since this morning, with two small children at home, must be really "
                            "difficult.</em></li><li><em>So you've called three times about this and "
                            "you're still getting the same letters. I can see why you're fed "
                            "up.</em></li><li><em>You waited in all day for the engineer and nobody "
                            "came. That's a whole day lost.</em></li></ul><p>Each one names the "
                            "specific problem and its impact. Compare them with phrases that sound "
                            "like acknowledgement but are not: <em>I understand your frustration</em> "
                            "on its own, or <em>I hear what you're saying</em>. Without specifics they "
                            "sound like a script, and customers recognise scripts.</p><h3>Acknowledge, "
                            "then act</h3><p>Keep it brief. One or two sentences is usually right. "
                            "Then move to what you are going to do. Acknowledging for too long can "
                            "feel like stalling, and it can keep the customer stuck in the feeling "
                            "rather than moving with you towards a solution.</p><p>The order matters: "
                            "<strong>listen, acknowledge, then solve</strong>. Knowing the policy and "
                            "the system makes you able to solve. Acknowledging first is what makes the "
                            "customer willing to let you.</p>"
                        ),
                    ),
                    (
                        "key_points",
                        {
                            "title": "Acknowledgement",
                            "points": [
                                "Name the specific problem and how it has affected the customer.",
                                "Acknowledgement is recognition, not an admission of fault.",
                                ("Avoid empty phrases such as 'I understand your frustration' on their own."),
                                "Keep it to one or two sentences, then move to action.",
                                "Listen, acknowledge, then solve.",
                            ],
                        },
                    ),
                    (
                        "dialogue",
                        {
                            "title": "Before: straight to the process",
                            "situation": (
                                "Mr Adeyemi has had no water since 7am because of a burst main in his "
                                "road. He has two children under five and has been on hold for twenty "
                                "minutes."
                            ),
                            "lines": [
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "I've had no water since seven this morning. I've got two "
                                        "little ones, I can't bathe them, I can't even make up a "
                                        "bottle. And I've been on hold for twenty minutes."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": "Okay, can I take your postcode, please?",
                                },
                                {
                                    "speaker": "customer",
                                    "text": "BW4 7RT. Is anyone actually doing anything?",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "There's a burst main in your area. Engineers are on site. The "
                                        "estimated time for the water to come back is 4pm."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "Four o'clock? That's hours away. What am I supposed to do "
                                        "until then?"
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "That's the estimate I've got, I'm afraid. Is there anything "
                                        "else I can help with?"
                                    ),
                                },
                            ],
                            "takeaway": (
                                "Everything the agent said was accurate. But Mr Adeyemi's two young "
                                "children and his long wait were never mentioned, and nobody asked "
                                "whether he needed bottled water. He will probably call back, angrier."
                            ),
                        },
                    ),
                    (
                        "dialogue",
                        {
                            "title": "After: acknowledge, then act",
                            "situation": (
                                "Mr Adeyemi has had no water since 7am because of a burst main in his "
                                "road. He has two children under five and has been on hold for twenty "
                                "minutes."
                            ),
                            "lines": [
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "I've had no water since seven this morning. I've got two "
                                        "little ones, I can't bathe them, I can't even make up a "
                                        "bottle. And I've been on hold for twenty minutes."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Mr Adeyemi, no water since seven with two little ones at home "
                                        "is really hard, and I'm sorry you've had such a long wait to "
                                        "speak to someone. Let me find out exactly what's happening. "
                                        "Could I have your postcode?"
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "BW4 7RT.",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Thank you. There's a burst main in your road and engineers "
                                        "are on site now. They expect the water back by about 4pm. I "
                                        "know that's a long time with a baby to feed, so I'd like to "
                                        "arrange bottled water for you today. Would that help?"
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "Yes. Yes, it would.",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "It will be with you within three hours, and I'll text you "
                                        "when it's on its way. With your permission, I can also add "
                                        "you to our Priority Services Register because of the "
                                        "children, so you get extra support if this ever happens again."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "Please do. Sorry I was short with you.",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Not at all, you've had a rough morning. You'll get another "
                                        "text as soon as the water's back on."
                                    ),
                                },
                            ],
                            "takeaway": (
                                "Same facts, same 4pm estimate. The difference is that the agent named "
                                "what Mr Adeyemi was dealing with, and that opened the door to the "
                                "help he actually needed."
                            ),
                        },
                    ),
                    (
                        "reflection",
                        {
                            "prompt": (
                                "Think of a call where the customer stayed angry even after you fixed "
                                "the problem. Did you acknowledge the impact before you started fixing "
                                "it?"
                            ),
                            "hint": (
                                "Write one sentence you could have said that names both the problem "
                                "and how it affected the customer."
                            ),
                        },
                    ),
                ],
            },
            {
                "slug": "calming-an-angry-caller",
                "title": "Staying steady with an angry caller",
                "summary": (
                    "How to stay calm and helpful when a customer is angry, so that your knowledge can "
                    "actually be used."
                ),
                "estimated_minutes": 14,
                "body": [
                    (
                        "text",
                        (
                            "<p>Most agents who struggle with angry callers know the policy perfectly "
                            "well. The difficulty is not knowledge. It is being able to use that "
                            "knowledge while someone is shouting. We call this being <strong>educated "
                            "but unskilled</strong>, and it is common, especially in the first months "
                            "in the job. The good news is that staying steady is a skill, and skills "
                            "can be practised.</p><h3>Why customers get angry</h3><p>Anger on a call "
                            "is rarely about you. It usually comes from one or more of these: the "
                            "problem has happened before, the customer has already been passed around, "
                            "it is costing them money, or it is affecting someone they care about. "
                            "Knowing that helps you not to take it personally.</p><h3>A steady "
                            "approach</h3><ol><li><strong>Let the first wave pass.</strong> An angry "
                            "customer usually needs to say everything once. Do not interrupt and do "
                            "not defend. Give small signals that you are "
                            "listening.</li><li><strong>Slow your pace, keep your warmth.</strong> "
                            "Speak a little slower and a little lower than the customer. People tend "
                            "to match the pace of the person they are talking "
                            "to.</li><li><strong>Acknowledge the specific problem.</strong> Name what "
                            "has gone wrong and its effect on them.</li><li><strong>Say what you will "
                            "do now.</strong> Angry customers calm down fastest when they hear a "
                            "concrete next step: <em>I'm going to look at every payment we've taken "
                            "this month, while you're on the line.</em></li><li><strong>Keep promises "
                            "small and certain.</strong> Promise only what you know you can deliver. A "
                            "broken promise makes the next call much harder.</li></ol><h3>Anger is not "
                            "abuse</h3><p>A customer who is angry about what has happened deserves "
                            "patience. A customer who is abusive towards you personally, through "
                            "swearing at you, threats or discriminatory language, is different. Follow "
                            "your team's guidance: give a calm warning, and if it continues you may "
                            "end the call and tell your team leader. You never have to accept abuse to "
                            "do your job well.</p><h3>Look after yourself</h3><p>After a difficult "
                            "call, take a moment before the next one if you can. Tell your team leader "
                            "about the calls that stay with you. Talking about them is not a weakness; "
                            "it is how the whole team gets better at them.</p>"
                        ),
                    ),
                    (
                        "key_points",
                        {
                            "title": "Staying steady",
                            "points": [
                                "The anger is about the situation, not about you.",
                                "Let the first wave pass without interrupting or defending.",
                                "Slow your pace and keep your warmth.",
                                "Give a concrete next step as soon as you can.",
                                "Patience for anger; a calm boundary for abuse.",
                            ],
                        },
                    ),
                    (
                        "dialogue",
                        {
                            "title": "Steady under pressure",
                            "situation": (
                                "Mrs Hughes's monthly direct debit has been taken twice. It has left "
                                "her overdrawn and her bank has charged her."
                            ),
                            "lines": [
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "You've taken my money twice! Twice! I'm overdrawn, the bank's "
                                        "charged me twenty-five pounds, and it's the second time this "
                                        "year. What are you going to do about it?"
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": "Mrs Hughes, I'm listening.",
                                },
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "My rent goes out on Friday and now I don't know if it'll go "
                                        "through. This is ridiculous. You people never get it right."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "You've been left overdrawn, charged by your bank and worried "
                                        "about your rent, and it's happened before. That's not "
                                        "acceptable, and I can see why you're angry. I'm going to look "
                                        "at every payment we've taken this month, right now, while "
                                        "you're on the line."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "Fine.",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "I can see it. One hundred and twelve pounds was taken on the "
                                        "second and again on the third. I'm sorry, the second payment "
                                        "is our error. I'm refunding it now. Because of your rent on "
                                        "Friday, I'm asking my team leader to approve a same-day "
                                        "payment, which we can do when our mistake causes hardship. "
                                        "I'll text you within the hour to confirm."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "And the bank charge?",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "I'm crediting your account with twenty-five pounds for the "
                                        "bank charge and another twenty-five as an apology for the "
                                        "trouble. I'm also logging this as a complaint, so someone "
                                        "finds out why it has happened twice this year. You'll have an "
                                        "acknowledgement by tomorrow with a reference number."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "Right. Okay. Thank you. That's more like it.",
                                },
                            ],
                            "takeaway": (
                                "The agent did not argue with 'you people never get it right'. Letting "
                                "Mrs Hughes finish, naming each impact and giving a concrete next step "
                                "calmed the call faster than any explanation would have. The £50 "
                                "credit was within the agent's own limit."
                            ),
                        },
                    ),
                    (
                        "reflection",
                        {
                            "prompt": (
                                "Which kind of caller do you find hardest to stay steady with? What is "
                                "the first thing you tend to say to them?"
                            ),
                            "hint": (
                                "Many of us start explaining or defending too early. Try replacing "
                                "your usual first line with a specific acknowledgement and a next step."
                            ),
                        },
                    ),
                ],
            },
            {
                "slug": "a-sincere-apology",
                "title": "A sincere apology",
                "summary": (
                    "How to apologise specifically and sincerely on behalf of Brightwater, without "
                    "blaming the customer, a colleague or the system."
                ),
                "estimated_minutes": 12,
                "body": [
                    (
                        "text",
                        (
                            "<p>A good apology is one of the most powerful things you can offer a "
                            "customer, and it costs nothing. A poor apology can make things worse than "
                            "saying nothing at all.</p><h3>What makes an apology "
                            "sincere</h3><ol><li><strong>It is specific.</strong> Say what you are "
                            "sorry for: <em>I'm sorry the engineer didn't arrive on Tuesday</em>, not "
                            "<em>sorry for any inconvenience</em>.</li><li><strong>It takes "
                            "ownership.</strong> You are speaking for Brightwater Utilities, so use "
                            "<em>we</em> and <em>I</em>: <em>We let you down.</em> You do not need to "
                            "have made the mistake yourself to apologise for it.</li><li><strong>It "
                            "does not blame.</strong> Not the system, not another department, and "
                            "never the customer.</li><li><strong>It has no <em>but</em>.</strong> "
                            "<em>I'm sorry, but...</em> cancels the apology. If there is an "
                            "explanation to give, give it separately, later.</li><li><strong>It leads "
                            "to action.</strong> Follow the apology with what you are going to do to "
                            "put things right.</li></ol><h3>Apologies that don't "
                            "work</h3><ul><li><em>I'm sorry if you feel that way.</em> This apologises "
                            "for the customer's feelings, not for what happened.</li><li><em>Sorry, "
                            "but that's the policy.</em> The <em>but</em> and the policy become the "
                            "message.</li><li><em>Sorry, that team is always behind.</em> Blaming "
                            "colleagues makes the whole company look worse and leaves the customer "
                            "less confident.</li><li><em>Apologies for any inconvenience caused.</em> "
                            "Too vague to mean anything.</li></ul><h3>When it isn't our "
                            "fault</h3><p>Sometimes the problem was not caused by us, for example when "
                            "a customer's own pipework has failed. You can still be sorry that they "
                            "are dealing with it: <em>I'm sorry you've had that to cope with.</em> "
                            "That is sincere without accepting fault that is not ours. Avoid pointing "
                            "out whose fault it was unless the customer needs to know in order to fix "
                            "it.</p><h3>Does apologising admit liability?</h3><p>No. At Brightwater, "
                            "apologising for what a customer has been through is always allowed and "
                            "always encouraged. If a customer is claiming for damage, take the details "
                            "and follow the complaints policy, but still say sorry for what they have "
                            "experienced.</p>"
                        ),
                    ),
                    (
                        "key_points",
                        {
                            "title": "A sincere apology",
                            "points": [
                                "Say exactly what you are sorry for.",
                                "Speak for the company: 'we' and 'I', not 'they'.",
                                "Never blame the customer, a colleague or the system.",
                                "No 'but' after sorry.",
                                "Follow the apology straight away with action.",
                            ],
                        },
                    ),
                    (
                        "dialogue",
                        {
                            "title": "Before: an apology that blames",
                            "situation": (
                                "Mr Nowak took a day of unpaid leave for a smart meter installation. "
                                "The engineer did not arrive and nobody called him."
                            ),
                            "lines": [
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "I took a day's unpaid leave for this appointment. Nobody "
                                        "turned up and nobody rang. I want to know why."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Sorry about that. The problem is the engineers are "
                                        "contractors, so we don't really control their schedules."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "That's not my problem. I booked it with you.",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "I know, and I'm sorry if it's caused you any inconvenience, "
                                        "but all I can do is rebook it."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "So I lose another day?",
                                },
                                {
                                    "speaker": "agent",
                                    "text": "Unfortunately that's just how the engineering side works.",
                                },
                            ],
                            "takeaway": (
                                "The agent said sorry twice and neither landed. Each apology was "
                                "followed by blame, on the contractors or 'the engineering side', and "
                                "the 'if' and the 'but' made it sound as though Mr Nowak was the "
                                "problem."
                            ),
                        },
                    ),
                    (
                        "dialogue",
                        {
                            "title": "After: sincere and specific",
                            "situation": (
                                "Mr Nowak took a day of unpaid leave for a smart meter installation. "
                                "The engineer did not arrive and nobody called him."
                            ),
                            "lines": [
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "I took a day's unpaid leave for this appointment. Nobody "
                                        "turned up and nobody rang. I want to know why."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Mr Nowak, I'm sorry. You gave up a day's pay for an "
                                        "appointment we booked, and we didn't turn up or let you know. "
                                        "That shouldn't have happened."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "No, it shouldn't.",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "I'd like to put it right. I can book you the first slot of "
                                        "the day, between 8 and 10am, so you lose as little time as "
                                        "possible. Is there a day that suits you?"
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "Saturday would be better, if you do Saturdays.",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "We do. I've booked this Saturday, 8 to 10am, and marked it as "
                                        "a priority rebooking so it can't be moved. I'm also crediting "
                                        "your account with thirty pounds for the missed visit, and "
                                        "logging a complaint so someone looks into why nobody called "
                                        "you."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "Okay. That's fair. Thank you.",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Thank you for bearing with us, Mr Nowak. You'll get a text "
                                        "confirming Saturday within the hour, and the complaint "
                                        "acknowledgement by tomorrow."
                                    ),
                                },
                            ],
                            "takeaway": (
                                "The better apology named exactly what went wrong and took ownership "
                                "for Brightwater without blaming the contractor. It was followed "
                                "straight away by action the customer could see."
                            ),
                        },
                    ),
                    (
                        "reflection",
                        {
                            "prompt": (
                                "Listen to how you say sorry. Do you ever follow it with 'but', 'if' "
                                "or the name of another team?"
                            ),
                            "hint": (
                                "Write down your three most common apologies, then remove any blame, "
                                "'if' or 'but' from each one."
                            ),
                        },
                    ),
                ],
            },
            {
                "slug": "putting-it-right",
                "title": "From apology to putting it right",
                "summary": (
                    "How acknowledgement and apology lead into logging a complaint properly and "
                    "telling the customer exactly what happens next."
                ),
                "estimated_minutes": 12,
                "body": [
                    (
                        "text",
                        (
                            "<p>An apology opens the door; what you do next decides whether the "
                            "customer walks through it. This module brings the course together: "
                            "listen, acknowledge, apologise, then put it right, and make sure the "
                            "customer knows exactly what will happen.</p><h3>Most apologies come with "
                            "a complaint</h3><p>If a customer is unhappy with something we have done "
                            "and expects a response, that is a complaint, whether or not they use the "
                            "word. Some agents worry that logging a complaint is a black mark against "
                            "them or the team. It is not. Complaints are how Brightwater finds out "
                            "what is going wrong, and a complaint that is never logged is a problem "
                            "that will happen again to someone else.</p><p>Log it during the contact, "
                            "even when you have fixed it there and then. If it is resolved to the "
                            "customer's satisfaction by the end of the next working day, it is closed "
                            "as a quick resolution.</p><h3>Tell the customer what happens "
                            "next</h3><p>Uncertainty feeds anger. Before the call ends, make sure the "
                            "customer knows:</p><ul><li>what you have already done on this "
                            "call;</li><li>what will happen next, and who will do it;</li><li>when "
                            "they will hear from us, and how;</li><li>their reference "
                            "number.</li></ul><p>Be precise. <em>Someone will be in touch</em> is not "
                            "enough. <em>You'll get an email from me by five o'clock tomorrow with "
                            "your reference number</em> is.</p><h3>Why leaders go first</h3><p>Team "
                            "leaders certify on this course before their teams do. Agents will bring "
                            "leaders the hard cases: the caller who would not accept an apology, the "
                            "complaint that does not fit neatly anywhere. Leaders who have worked "
                            "through the same material give the same answers, and that consistency is "
                            "what lets agents apologise with confidence.</p>"
                        ),
                    ),
                    (
                        "policy",
                        {
                            "policy": "complaints",
                            "note": (
                                "This is the policy you are working to whenever an apology is needed. "
                                "Notice that logging happens during the contact, and that "
                                "acknowledgement is due within 1 working day."
                            ),
                        },
                    ),
                    (
                        "key_points",
                        {
                            "title": "Putting it right",
                            "points": [
                                (
                                    "Dissatisfaction that needs a response is a complaint, even "
                                    "without the word."
                                ),
                                "Log it during the contact, even if you have already fixed it.",
                                (
                                    "Logging a complaint is not a black mark. It is how we stop it "
                                    "happening again."
                                ),
                                (
                                    "Tell the customer what you've done, what happens next, when, and "
                                    "their reference."
                                ),
                                "Be precise about timescales. Never just 'someone will be in touch'.",
                            ],
                        },
                    ),
                    (
                        "dialogue",
                        {
                            "title": "Bringing it together",
                            "situation": (
                                "Ms Farah's final bill after moving house was sent to her old address "
                                "and has now been passed to a debt collection agency. She has only "
                                "just found out."
                            ),
                            "lines": [
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "I moved out in June. I gave you my new address. Now I've got "
                                        "a letter from a debt collector about a bill I never received. "
                                        "I'm mortified."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Ms Farah, that's an awful letter to open, especially when you "
                                        "did everything right. Can I check your new address with you "
                                        "and see what happened?"
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "It's 14 Mill Lane. I gave it to you on the phone on the "
                                        "twentieth of June."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "I can see your call on the twentieth. The new address was "
                                        "noted but never added to the account, so the bill went to "
                                        "your old flat. I'm sorry. That's our mistake, and it should "
                                        "never have gone to a debt collector."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "So what happens now?",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Three things, right now. I'm recalling the debt from the "
                                        "agency and marking it as our error, so it won't affect your "
                                        "credit file. I'm updating your address and emailing you the "
                                        "final bill today. And I'm logging a complaint, so we find out "
                                        "how your address was missed."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "Will I definitely not get any more letters from them?",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "The recall goes through today. If anything reaches you after "
                                        "Friday, ring us and quote the reference I'm about to give "
                                        "you; the note on your account tells whoever answers exactly "
                                        "what to do. You'll have the complaint acknowledgement by "
                                        "email tomorrow, with my name on it."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "Thank you. I was dreading this call.",
                                },
                            ],
                            "takeaway": (
                                "Listen, acknowledge, apologise, act, and finish with a clear account "
                                "of what happens next. Ms Farah ends the call with a reference, a "
                                "named contact and a date."
                            ),
                        },
                    ),
                    (
                        "reflection",
                        {
                            "prompt": (
                                "In your last few complaint calls, could the customer have told a "
                                "friend exactly what would happen next, and when?"
                            ),
                            "hint": (
                                "If the honest answer is 'not really', try ending calls with a "
                                "three-part recap: what I've done, what happens next, and when you'll "
                                "hear from us."
                            ),
                        },
                    ),
                ],
            },
        ],
    },
    {
        "slug": "knowing-our-policies",
        "title": "Knowing our policies",
        "summary": (
            "Customers deserve the same correct answer whoever they speak to. This course walks "
            "through Brightwater's key customer policies, explains why each one exists and shows how "
            "to use them on real calls without hiding behind them."
        ),
        "audience": "Everyone who talks to customers",
        "estimated_minutes": 55,
        "leaders_first": True,
        "validity_months": 12,
        "skills": [
            "policy-knowledge",
        ],
        "modules": [
            {
                "slug": "one-answer-not-three",
                "title": "One answer, not three",
                "summary": (
                    "Why mixed messages about policy do so much damage, and how to make sure you give "
                    "the right answer every time."
                ),
                "estimated_minutes": 12,
                "body": [
                    (
                        "text",
                        (
                            "<p>Imagine a customer calls on Monday and is told a goodwill credit is "
                            "not possible. They call again on Wednesday and a different agent offers "
                            "£50. On Friday a third agent says it needs a manager. All three agents "
                            "were trying to help. The customer now believes Brightwater either does "
                            "not know its own rules or makes them up as it goes along, and they will "
                            "push on every future call to see what they can get.</p><p>Mixed messages "
                            "about policy are one of the quickest ways to lose a customer's trust, and "
                            "they usually start inside the team. A policy is announced once, in an "
                            "email. A few people read it closely, others hear a version second-hand, "
                            "and soon there are three versions in use.</p><h3>Where the real answer "
                            "lives</h3><p>Our policies are published in Frontline, and the policy "
                            "panels in these courses always show the current version. If you are "
                            "unsure, <strong>check the policy, not your memory and not the person "
                            "sitting next to you</strong>. If the policy does not answer your "
                            "question, ask your team leader. They certified on this course before you "
                            "did, and they should give you the same answer as every other team "
                            "leader.</p><h3>Know the why, not just the what</h3><p>Every policy exists "
                            "for a reason: to be fair to all customers, to protect people who are "
                            "struggling, or to meet our obligations as a regulated supplier. When you "
                            "understand the reason, you can explain a policy in plain words instead of "
                            "hiding behind it. <em>That's the policy</em> ends a conversation. <em>We "
                            "do it this way so that...</em> keeps it going.</p><h3>Know where your "
                            "authority ends</h3><p>Part of knowing a policy is knowing what you can "
                            "decide yourself and what needs someone else. Never promise something you "
                            "cannot approve. Tell the customer who will decide and by when, and then "
                            "make sure it happens.</p><h3>When a colleague got it "
                            "wrong</h3><p>Sometimes a customer has been given the wrong answer before. "
                            "Do not criticise your colleague, and do not simply repeat the mistake to "
                            "keep the customer happy. Apologise for the confusion, give the correct "
                            "answer clearly, and tell your team leader so the whole team can be put "
                            "straight.</p>"
                        ),
                    ),
                    (
                        "key_points",
                        {
                            "title": "One answer",
                            "points": [
                                "Mixed messages damage trust faster than a clear 'no'.",
                                "Check the policy, not your memory or your neighbour.",
                                "Explain the reason behind a policy, not just the rule.",
                                "Know what you can approve, and never promise what you can't.",
                                (
                                    "If a colleague gave a wrong answer, correct it kindly and tell "
                                    "your team leader."
                                ),
                            ],
                        },
                    ),
                    (
                        "dialogue",
                        {
                            "title": "Putting a mixed message straight",
                            "situation": (
                                "Mr Osei calls to chase a £150 credit he says another agent promised "
                                "him last week after his bill arrived six weeks late. There is no "
                                "credit on the account."
                            ),
                            "lines": [
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "Last week I was told I'd get a hundred and fifty pounds off "
                                        "because the bill was so late. It's not there. I want it "
                                        "sorted today."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "I'm sorry it isn't showing, Mr Osei. Let me look at the notes "
                                        "from that call."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "Go on then.",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "I can see the call on the eighth. A credit was discussed, but "
                                        "nothing was approved. I'm sorry. You were given an "
                                        "expectation without an approval behind it, and that's "
                                        "confusing and frustrating."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "So I'm not getting it.",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "I'm not going to make you a promise I can't keep. What I can "
                                        "do myself is apply fifty pounds today. Anything above that "
                                        "needs a team leader, and I'd like to put your case to mine "
                                        "now, including the fact that you were told a hundred and "
                                        "fifty."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "And how long will that take?",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Team leaders have two working days to decide, so you'll have "
                                        "an answer by Thursday at the latest, and I'll ring you with "
                                        "it myself. The fifty pounds goes on your account now either "
                                        "way."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "Alright. At least that's straight.",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Thank you, Mr Osei. I'll also make sure the team knows what "
                                        "happened, so nobody else is given a promise we can't back up."
                                    ),
                                },
                            ],
                            "takeaway": (
                                "The agent did not blame the colleague and did not repeat the mistake. "
                                "Mr Osei got an honest answer, a credit within the agent's own "
                                "authority, a clear route for the rest and a date."
                            ),
                        },
                    ),
                    (
                        "reflection",
                        {
                            "prompt": (
                                "Is there a policy question where you have heard different answers "
                                "from different colleagues? Write it down."
                            ),
                            "hint": (
                                "Take it to your team leader or your next huddle. If you have heard "
                                "two answers, others have too."
                            ),
                        },
                    ),
                ],
            },
            {
                "slug": "refunds-and-credits",
                "title": "Refunds and account credits",
                "summary": (
                    "What you can approve yourself, what needs a team leader and how quickly money "
                    "must reach the customer."
                ),
                "estimated_minutes": 14,
                "body": [
                    (
                        "text",
                        (
                            "<p>Money is where customers most need a clear, correct answer. Our "
                            "refunds and credits policy is short, but the detail matters, so read it "
                            "carefully before the rest of this module.</p>"
                        ),
                    ),
                    (
                        "policy",
                        {
                            "policy": "refunds",
                            "note": (
                                "Read the approval limits and timescales closely. These are the "
                                "numbers customers will hold you to, and the ones your team leader "
                                "will check."
                            ),
                        },
                    ),
                    (
                        "text",
                        (
                            "<h3>Two different things</h3><p>Money going back to a customer comes in "
                            "two kinds, and they are handled differently:</p><ul><li><strong>Refunds "
                            "of a credit balance or an overpayment.</strong> The money is already the "
                            "customer's. When we have overcharged through our own billing error, there "
                            "is no approval limit once Billing has confirmed the corrected figure. Do "
                            "not make the customer ask twice.</li><li><strong>Goodwill and "
                            "compensation credits.</strong> Money we choose to give to recognise that "
                            "we let the customer down. These have approval limits: £50 for agents, "
                            "£250 for team leaders, £1,000 for Customer Relations "
                            "managers.</li></ul><h3>Timescales are promises</h3><p>When you tell a "
                            "customer their refund will reach their bank account within 5 working "
                            "days, that is a promise on behalf of the company. Give the timescale from "
                            "the policy, not a hopeful guess, and note on the account what you told "
                            "them.</p><h3>Using goodwill well</h3><p>Goodwill is not a way to end an "
                            "awkward call. Use it when we have genuinely let the customer down, in "
                            "proportion to what happened, and always alongside fixing the problem, "
                            "never instead of it. A £20 credit does not make up for a complaint that "
                            "never gets logged.</p><h3>Above your limit</h3><p>If you believe a larger "
                            "amount is fair, say so to your team leader and explain why. Tell the "
                            "customer honestly that you are asking, who decides and by when. The "
                            "approver has 2 working days, and the customer hears the outcome on the "
                            "day it is made.</p>"
                        ),
                    ),
                    (
                        "key_points",
                        {
                            "title": "Refunds and credits",
                            "points": [
                                (
                                    "Overpayments caused by our billing errors: refund in full once "
                                    "Billing confirms, no limit."
                                ),
                                (
                                    "Goodwill limits: £50 agent, £250 team leader, £1,000 Customer "
                                    "Relations manager."
                                ),
                                "Bank refunds within 5 working days; card refunds within 10.",
                                "Approvals above your limit are decided within 2 working days.",
                                "Goodwill goes alongside fixing the problem, never instead of it.",
                            ],
                        },
                    ),
                    (
                        "dialogue",
                        {
                            "title": "A refund and a credit in one call",
                            "situation": (
                                "Mr Brennan has been billed on his old tariff for four months after "
                                "switching to a cheaper fixed deal. He is calm but firm."
                            ),
                            "lines": [
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "I switched to the fixed tariff in March. My bills are still "
                                        "on the old rate. I've worked it out, and you owe me about "
                                        "eighty pounds."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Thank you for working that out, Mr Brennan, that's really "
                                        "helpful. Let me look at the tariff change."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "Please do.",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "You're right. The switch was accepted on the fourth of March "
                                        "but never applied to your bills. I'm sorry. That's our error, "
                                        "and it's cost you money every month since."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "So what happens now?",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "I've asked Billing to recalculate everything on the fixed "
                                        "tariff from the fourth of March. Their figure usually comes "
                                        "back within a few minutes. Would you like the refund paid to "
                                        "your bank account or left as credit?"
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "Bank account, please.",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Billing has confirmed eighty-three pounds and forty pence. "
                                        "That goes to the bank account you pay from, within five "
                                        "working days. Because you were overcharged for four months, "
                                        "I'm also adding a twenty-pound goodwill credit to your "
                                        "account today."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "That's more than fair. Thank you.",
                                },
                            ],
                            "takeaway": (
                                "The overpayment was our error, so it was refunded in full without "
                                "needing approval. The goodwill credit was proportionate and within "
                                "the agent's £50 limit. Mr Brennan left with exact figures and a "
                                "timescale."
                            ),
                        },
                    ),
                    (
                        "reflection",
                        {
                            "prompt": (
                                "When did you last give a customer a timescale for money? Was it the "
                                "one in the policy?"
                            ),
                            "hint": (
                                "Check the last few refunds or credits you handled against the policy. "
                                "If any timescale was a guess, note the right one somewhere you will "
                                "see it."
                            ),
                        },
                    ),
                ],
            },
            {
                "slug": "complaints-step-by-step",
                "title": "Complaints, step by step",
                "summary": (
                    "How to recognise, log, acknowledge and escalate a complaint so that nothing falls "
                    "through the gaps."
                ),
                "estimated_minutes": 14,
                "body": [
                    (
                        "text",
                        (
                            "<p>You met the basics of complaints in the Acknowledgement and apology "
                            "course. This module is about the process itself, because a complaint "
                            "handled warmly but logged wrongly can still end up with the "
                            "ombudsman.</p><h3>Recognising a complaint</h3><p>Customers rarely say "
                            "<em>I would like to make a formal complaint</em>. More often they say "
                            "<em>this is the third time</em>, <em>I'm not happy about this</em> or "
                            "<em>nobody ever rings me back</em>. If someone is dissatisfied with us "
                            "and expects a response, it is a complaint. When in doubt, log it. A "
                            "complaint logged unnecessarily costs a few minutes; one that is missed "
                            "can cost weeks.</p><h3>The complaint timeline</h3><ol><li><strong>During "
                            "the contact:</strong> log it, in the customer's words, with what they "
                            "would like to happen.</li><li><strong>By the end of the next working "
                            "day:</strong> either resolved and closed as a quick resolution, or "
                            "acknowledged with a reference number and the name of the "
                            "owner.</li><li><strong>At least every 10 working days:</strong> an update "
                            "to the customer, even if the update is that we are still "
                            "waiting.</li><li><strong>Within 8 weeks:</strong> a final response, "
                            "including the customer's right to go to the independent "
                            "ombudsman.</li></ol><h3>Escalation</h3><p>If the customer is unhappy with "
                            "how you are handling it, that is not a failure on your part. Pass it to "
                            "your team leader the same day with a clear summary, so the customer does "
                            "not have to explain again. If a complaint is still open after 10 working "
                            "days, it moves to Customer Relations.</p><h3>Updates matter more than you "
                            "think</h3><p>Many complaints become worse complaints simply because "
                            "nobody got in touch. A two-line update such as <em>We are still waiting "
                            "for the meter test results, and I'll update you again by the 14th</em> "
                            "prevents a great deal of anger.</p>"
                        ),
                    ),
                    (
                        "policy",
                        {
                            "policy": "complaints",
                            "note": (
                                "Keep the timeline in mind: log during the contact, acknowledge within "
                                "1 working day, update at least every 10 working days, and send a "
                                "final response within 8 weeks."
                            ),
                        },
                    ),
                    (
                        "key_points",
                        {
                            "title": "Complaints",
                            "points": [
                                "Dissatisfied and expecting a response means it is a complaint.",
                                "Log it during the contact, in the customer's own words.",
                                ("Acknowledge within 1 working day, with a reference and the owner's name."),
                                "Update at least every 10 working days, even when there is no news.",
                                (
                                    "Final response within 8 weeks, including the right to go to the "
                                    "ombudsman."
                                ),
                            ],
                        },
                    ),
                    (
                        "dialogue",
                        {
                            "title": "Picking up a complaint that has gone quiet",
                            "situation": (
                                "Mrs Castellano complained about a disputed meter reading five weeks "
                                "ago. She has heard nothing since the acknowledgement letter."
                            ),
                            "lines": [
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "I made a complaint five weeks ago about my meter readings. I "
                                        "got a letter with a reference, and then nothing. Nothing at "
                                        "all."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Mrs Castellano, I'm sorry. Five weeks without a word isn't "
                                        "right; you should have had at least two updates by now. Can I "
                                        "take the reference?"
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "It's C-40917.",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Thank you. I can see the complaint. Your meter was tested two "
                                        "weeks ago and the results came back, but nobody passed them "
                                        "on to you. I'm sorry, that's a failure in how we've handled "
                                        "your complaint."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "So what did the test say?",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "The meter is recording accurately, so the readings are "
                                        "correct. I know that's not the answer you were hoping for. "
                                        "I'll ask for the full test report to be sent to you, with "
                                        "your bill explained line by line."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "I'm not happy with that. I still think it's too high.",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "That's completely fair, and you're entitled to a final "
                                        "response setting out our position. Because it has gone quiet "
                                        "for so long, I'm escalating it to my team leader today, and "
                                        "they'll call you by the end of tomorrow. If you're still "
                                        "unhappy after our final response, or we haven't resolved it "
                                        "within eight weeks of your complaint, you can take it to the "
                                        "independent ombudsman, free of charge."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "Right. Well, at least I know where I stand.",
                                },
                            ],
                            "takeaway": (
                                "The agent apologised for the missed updates, gave a difficult answer "
                                "honestly, escalated without fuss and explained the customer's rights. "
                                "Mrs Castellano may still disagree, but she knows exactly what happens "
                                "next."
                            ),
                        },
                    ),
                    (
                        "reflection",
                        {
                            "prompt": (
                                "Think of a customer who said 'I'm not happy' this week. Did you log "
                                "it as a complaint?"
                            ),
                            "hint": (
                                "If you didn't, ask yourself why. Was it time pressure, or a worry "
                                "about how complaints are counted? Talk to your team leader about "
                                "either."
                            ),
                        },
                    ),
                ],
            },
            {
                "slug": "vulnerable-customers",
                "title": "Customers in vulnerable circumstances",
                "summary": (
                    "How to notice when a customer may need extra support, and what Brightwater offers "
                    "with their consent."
                ),
                "estimated_minutes": 15,
                "body": [
                    (
                        "text",
                        (
                            "<p>Energy and water are essentials. When something goes wrong with them, "
                            "people who are already struggling can be affected far more than others: a "
                            "customer using a home dialysis machine, a parent with a newborn and no "
                            "heating, someone recently bereaved who cannot face opening "
                            "letters.</p><p>Vulnerability is not a fixed label. Anyone can be in "
                            "vulnerable circumstances at some point, and many people will not tell you "
                            "directly. Your job is not to diagnose. It is to notice, ask gently and "
                            "offer support.</p><h3>Noticing</h3><p>Listen for what customers mention "
                            "in passing: a hospital appointment, someone who <em>used to deal with the "
                            "bills</em>, difficulty reading letters, or confusion about simple steps. "
                            "Notice when a familiar customer sounds different. This is where active "
                            "listening matters most, because the detail that reveals vulnerability is "
                            "often buried in the middle of a sentence about something "
                            "else.</p><h3>Asking</h3><p>A gentle, open question works better than a "
                            "checklist: <em>Is there anything that would make it easier for you to "
                            "deal with us?</em> or <em>You mentioned your husband's machine. Can you "
                            "tell me a bit more, so I can see whether there's extra support we can "
                            "offer?</em></p><h3>Consent and records</h3><p>Always ask before adding "
                            "someone to the Priority Services Register or recording anything about "
                            "their health or circumstances. Explain what you will record and why. "
                            "Record only what helps us support them, and record it clearly, so no "
                            "other colleague has to ask again.</p><h3>Urgent situations</h3><p>If a "
                            "customer relies on medical equipment and has lost their supply, treat it "
                            "as an emergency. Stay on the line and transfer warmly to the Emergency "
                            "team. Never ask them to call back.</p>"
                        ),
                    ),
                    (
                        "policy",
                        {
                            "policy": "vulnerable-customers",
                            "note": (
                                "This policy sets out the signs to listen for and the support we must "
                                "offer. Notice that consent comes before recording, and that medical "
                                "equipment plus no supply is always an emergency."
                            ),
                        },
                    ),
                    (
                        "key_points",
                        {
                            "title": "Supporting vulnerable customers",
                            "points": [
                                (
                                    "Anyone can be in vulnerable circumstances, for a short time or a "
                                    "long time."
                                ),
                                "Listen for the detail mentioned in passing.",
                                "Ask gently and openly; never diagnose.",
                                "Get consent before adding anyone to the Priority Services Register.",
                                "Medical equipment plus lost supply is always an emergency.",
                            ],
                        },
                    ),
                    (
                        "dialogue",
                        {
                            "title": "Hearing what is said in passing",
                            "situation": (
                                "Mrs Doyle, who is in her eighties, has received a letter about a "
                                "planned power cut next Tuesday and cannot make sense of it."
                            ),
                            "lines": [
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "I've had a letter about the electricity being off on Tuesday. "
                                        "I can't make head nor tail of it. I've read it three times."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "That's no trouble at all, Mrs Doyle, I'll go through it with "
                                        "you. Is it the letter with the blue heading?"
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "That's the one. It says between nine and three. I suppose "
                                        "that's alright, it's just my husband's machine, you see."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "You mentioned your husband's machine. Could you tell me a "
                                        "little about it? I want to make sure you're both properly "
                                        "looked after on Tuesday."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "He has oxygen. The machine plugs into the wall. The hospital "
                                        "gave him some bottles as well, but I don't know how long they "
                                        "last."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Thank you for telling me, Mrs Doyle, that's very important. "
                                        "With your permission, I'd like to add your husband to our "
                                        "Priority Services Register, so you always get extra notice "
                                        "and support when the power has to go off. Would that be "
                                        "alright?"
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "Yes, please. I didn't know there was such a thing.",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "I'm also passing this to our Extra Care team today. They'll "
                                        "call you by tomorrow to plan for Tuesday, including whether "
                                        "we can bring a backup power unit. And would a large-print "
                                        "copy of the letter help?"
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "It would. Thank you, love. I've been worrying about it all week."
                                    ),
                                },
                            ],
                            "takeaway": (
                                "The most important sentence in this call was 'it's just my husband's "
                                "machine, you see'. The agent heard it, asked gently, asked for "
                                "consent and made sure Mrs Doyle would not face Tuesday on her own."
                            ),
                        },
                    ),
                    (
                        "reflection",
                        {
                            "prompt": (
                                "Think back over this week. Did a customer mention something in "
                                "passing that might have meant they needed extra support?"
                            ),
                            "hint": (
                                "It might have been a hospital stay, a bereavement or someone who "
                                "'used to do the bills'. If you didn't follow it up, what would you "
                                "say next time?"
                            ),
                        },
                    ),
                ],
            },
        ],
    },
    {
        "slug": "first-contact-resolution",
        "title": "First-contact resolution",
        "summary": (
            "Every time a customer is passed around or has to call back, their problem gets bigger and "
            "their trust gets smaller. This course shows you how to own a contact from start to finish "
            "instead of call shuffling, and how to make a warm transfer on the rare occasions another "
            "team really must act."
        ),
        "audience": "Everyone who talks to customers",
        "estimated_minutes": 50,
        "leaders_first": True,
        "validity_months": 12,
        "skills": [
            "first-contact-resolution",
            "policy-knowledge",
        ],
        "modules": [
            {
                "slug": "the-cost-of-call-shuffling",
                "title": "The cost of call shuffling",
                "summary": (
                    "What happens to a customer, and to us, when a contact is passed from team to team "
                    "instead of being resolved."
                ),
                "estimated_minutes": 12,
                "body": [
                    (
                        "text",
                        (
                            "<p><strong>Call shuffling</strong> is what happens when a customer is "
                            "passed from one person to another, each of whom deals with part of the "
                            "problem or none of it. Each transfer feels reasonable to the agent making "
                            "it. To the customer, it feels like being passed around by people who do "
                            "not want to help.</p><h3>What it costs the customer</h3><ul><li>They tell "
                            "their story again every time, and it gets angrier with each "
                            "telling.</li><li>They wait in another queue, often longer than the "
                            "first.</li><li>They lose confidence that anyone owns their "
                            "problem.</li><li>If the call drops during a transfer, they start again "
                            "from the beginning.</li></ul><h3>What it costs us</h3><p>Every shuffled "
                            "call takes up the time of two, three or four agents instead of one. "
                            "Repeat contacts fill the queues, which makes every other customer wait "
                            "longer. Complaints that started as a simple question grow into complaints "
                            "about how we handled it. And the agent at the end of the line takes the "
                            "full force of the customer's frustration for something they did not "
                            "do.</p><h3>Why it happens</h3><p>Call shuffling rarely comes from "
                            "laziness. More often an agent is not sure of the policy, not sure what "
                            "they are allowed to do, or believes a specialist team <em>would be "
                            "better</em>. Sometimes it is a habit the whole team has slipped into. "
                            "That is why this course sits alongside Knowing our policies: confidence "
                            "about what you can do is what keeps the contact with you.</p><h3>How we "
                            "measure it</h3><p>We measure first-contact resolution by checking whether "
                            "the same customer contacts us again about the same issue within 7 days, "
                            "and how many transfers each contact had. Team leaders also listen to real "
                            "calls, because the numbers alone never show <em>why</em> a customer had "
                            "to call back.</p>"
                        ),
                    ),
                    (
                        "key_points",
                        {
                            "title": "Call shuffling",
                            "points": [
                                "Every transfer makes the customer repeat their story.",
                                "Repeat contacts fill the queue for everyone.",
                                "Most shuffling comes from uncertainty, not laziness.",
                                ("We measure repeat contacts within 7 days, and we listen to real calls."),
                                "If you can resolve it, resolve it.",
                            ],
                        },
                    ),
                    (
                        "dialogue",
                        {
                            "title": "Before: passed around",
                            "situation": (
                                "Ms Achebe's new direct debit looks far too high after she moved into "
                                "a smaller flat. She speaks to three different agents in turn."
                            ),
                            "lines": [
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "Hi, my new direct debit has been set at a hundred and forty a "
                                        "month. I've moved into a one-bedroom flat. That can't be "
                                        "right."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Ah, direct debits are dealt with by the Payments team. I'll "
                                        "put you through."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "Hello? After eleven minutes on hold... I was told you deal "
                                        "with direct debits. My new amount is a hundred and forty "
                                        "pounds and..."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "This is Payments. We collect the amount, but it's worked out "
                                        "from your usage estimate, and that's Billing. I'll transfer "
                                        "you."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "I've now explained this twice. I've moved into a one-bedroom "
                                        "flat and my direct debit is a hundred and forty pounds a "
                                        "month."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "I'm sorry, I can see that's been frustrating. The estimate is "
                                        "still based on your old house. I can fix that now."
                                    ),
                                },
                            ],
                            "takeaway": (
                                "Three agents, twenty minutes on hold and two retellings, for a "
                                "problem the first agent could have fixed by updating the usage "
                                "estimate. Each transfer seemed sensible to the person who made it."
                            ),
                        },
                    ),
                    (
                        "dialogue",
                        {
                            "title": "After: owned from the start",
                            "situation": (
                                "The same call, handled by an agent who takes ownership from the first "
                                "sentence."
                            ),
                            "lines": [
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "Hi, my new direct debit has been set at a hundred and forty a "
                                        "month. I've moved into a one-bedroom flat. That can't be "
                                        "right."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "That does sound high for a one-bedroom flat, Ms Achebe. Let "
                                        "me check how it was worked out."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "Thanks.",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "I can see the problem. The amount is still based on the usage "
                                        "at your old address, which was a three-bedroom house. I can "
                                        "update the estimate for your new flat now, while you're on "
                                        "the phone."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "Oh, you can do that?",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "I can. For a one-bedroom flat with your heating type, the new "
                                        "payment comes to sixty-two pounds a month, starting from next "
                                        "month's collection. You'll get an email confirming the new "
                                        "amount within the hour."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "That's much more like it. Thank you.",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "You're welcome. We'll review it again after your first two "
                                        "meter readings so it stays accurate. Is there anything else I "
                                        "can help with today?"
                                    ),
                                },
                            ],
                            "takeaway": (
                                "One agent, four minutes, no transfers. The agent did not know the "
                                "answer straight away, but took ownership of finding it rather than "
                                "passing the problem on."
                            ),
                        },
                    ),
                    (
                        "reflection",
                        {
                            "prompt": (
                                "Think about the last call you transferred. Could you have resolved it "
                                "yourself if you had known how, or had the right access?"
                            ),
                            "hint": (
                                "If the answer is yes, tell your team leader. Gaps in knowledge or "
                                "access can be fixed, but only if someone knows about them."
                            ),
                        },
                    ),
                ],
            },
            {
                "slug": "owning-the-contact",
                "title": "Owning the contact",
                "summary": (
                    "What it means to own a customer's issue, and how to resolve it yourself even when "
                    "it is unfamiliar."
                ),
                "estimated_minutes": 13,
                "body": [
                    (
                        "text",
                        (
                            "<p>Under our call transfers policy, the person who answers a contact owns "
                            "it. Owning a contact does not mean knowing every answer. It means taking "
                            "responsibility for making sure the customer's issue gets resolved, and "
                            "not handing that responsibility on unless you genuinely have "
                            "to.</p><h3>Before you think about transferring</h3><p>Ask yourself three "
                            "questions:</p><ol><li><strong>Can I do this myself?</strong> Check the "
                            "policy and the knowledge base, not just what you usually do. Agents can "
                            "do more than many realise, including correcting readings, changing "
                            "payment amounts, setting up payment plans of up to 12 months, refunding "
                            "our billing errors and approving goodwill credits of up to "
                            "£50.</li><li><strong>Can I find out while the customer waits?</strong> A "
                            "short hold to check something, with a time you give the customer and "
                            "keep, is far better than a transfer: <em>Can I put you on hold for up to "
                            "two minutes while I check this?</em></li><li><strong>Can a colleague help "
                            "me, rather than the customer?</strong> Ask your team leader or a "
                            "specialist colleague for guidance while you keep the customer. They "
                            "advise you; you keep the call.</li></ol><p>Only if all three answers are "
                            "<em>no</em> is a transfer the right choice, and then it must be "
                            "warm.</p><h3>Using holds well</h3><ul><li>Ask before you put someone on "
                            "hold, and say for how long.</li><li>If it will take longer than you said, "
                            "come back and tell them.</li><li>Thank them for waiting when you "
                            "return.</li></ul><h3>What ownership sounds like</h3><p>Listen for the "
                            "difference between <em>That's not something we do here</em> and <em>I'll "
                            "find out for you</em>, or between <em>You'll need to call Metering</em> "
                            "and <em>I'll take care of this</em>. The words you choose tell the "
                            "customer whether their problem has found a home.</p>"
                        ),
                    ),
                    (
                        "policy",
                        {
                            "policy": "call-transfers",
                            "note": (
                                "Read the first section carefully: the person who answers owns the "
                                "contact, and a transfer is the exception. Notice how short the list "
                                "of allowed reasons is."
                            ),
                        },
                    ),
                    (
                        "key_points",
                        {
                            "title": "Owning the contact",
                            "points": [
                                "Whoever answers owns the contact.",
                                "Check what you can do before assuming you can't.",
                                "A short, honest hold beats a transfer.",
                                "Ask colleagues for advice while you keep the customer.",
                                "Say 'I'll find out', not 'that's not us'.",
                            ],
                        },
                    ),
                    (
                        "dialogue",
                        {
                            "title": "Finding out instead of passing on",
                            "situation": (
                                "Mr Kowalski is disputing a bill. The agent has not handled a reading "
                                "dispute on a smart meter before."
                            ),
                            "lines": [
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "Your bill says I've used four thousand units. My smart meter "
                                        "display says half that. One of them is wrong."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "That's a big difference, Mr Kowalski, and you're right to "
                                        "query it. I haven't handled one quite like this before, so "
                                        "I'd like to check the right steps. Can I put you on hold for "
                                        "up to two minutes?"
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "Fine, two minutes.",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Thank you for waiting. I've checked with my team leader. Your "
                                        "smart meter sends us readings every half hour, so I can "
                                        "compare them with the bill directly. Bear with me while I "
                                        "bring them up."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "Okay.",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "I can see what happened. The meter stopped sending readings "
                                        "for six weeks in the spring, and the bill used an estimate "
                                        "for that period that was far too high. The readings are "
                                        "coming through properly again, and the latest one matches "
                                        "your display."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "So can you fix it?",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "I can. I'm rebilling from your actual readings, and any "
                                        "overpayment will be refunded to your bank account within five "
                                        "working days. I'm also booking a remote check on the meter's "
                                        "connection so it doesn't go quiet again."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": ("Thanks. I thought I was going to get passed round for hours."),
                                },
                            ],
                            "takeaway": (
                                "The agent was honest about not having dealt with this before, asked a "
                                "colleague for guidance instead of transferring, kept to the hold time "
                                "promised and resolved it in one call."
                            ),
                        },
                    ),
                    (
                        "reflection",
                        {
                            "prompt": (
                                "Which type of call do you transfer most often? Is it because you "
                                "can't resolve it, or because you're not sure whether you can?"
                            ),
                            "hint": (
                                "Write down the type of call and take it to your team leader. A quick "
                                "bit of training or a missing permission is often all that stands "
                                "between you and resolving it yourself."
                            ),
                        },
                    ),
                ],
            },
            {
                "slug": "warm-transfers-and-call-backs",
                "title": "Warm transfers and call-backs",
                "summary": (
                    "When another team truly must act, how to hand over warmly and keep any promise of "
                    "a call-back."
                ),
                "estimated_minutes": 13,
                "body": [
                    (
                        "text",
                        (
                            "<p>Sometimes a transfer is genuinely right. The customer may need a "
                            "specialist team that can do something you cannot, such as booking a meter "
                            "exchange, closing a bereaved customer's account or setting up a long "
                            "payment plan. Or it may be an emergency. When that happens, how you "
                            "transfer makes all the difference.</p><h3>Warm, never cold</h3><p>A "
                            "<strong>cold transfer</strong> drops the customer into another queue with "
                            "no introduction. They may wait a long time, and when they get through "
                            "they must start again. Cold transfers are not allowed at "
                            "Brightwater.</p><p>A <strong>warm transfer</strong> means you stay with "
                            "the customer until a colleague has taken over:</p><ol><li>Explain why you "
                            "are transferring and who they will speak to, and ask if that is "
                            "alright.</li><li>Stay on the line while you wait for your colleague to "
                            "answer.</li><li>Introduce the customer by name and title, and summarise "
                            "the issue, what you have already done and what the customer "
                            "wants.</li><li>Check your colleague has everything they need, then tell "
                            "the customer you are handing over and say goodbye.</li></ol><h3>When "
                            "nobody answers</h3><p>If the receiving team does not pick up within 3 "
                            "minutes, do not leave the customer holding. Offer a call-back instead. A "
                            "call-back is a promise, so:</p><ul><li>agree a time window of no more "
                            "than 2 hours that suits the customer;</li><li>log the call-back on the "
                            "account with a clear note, so whoever calls does not need the customer to "
                            "repeat anything;</li><li>tell the customer who will call;</li><li>if the "
                            "call-back cannot be kept, contact the customer before the window starts "
                            "to rearrange.</li></ul><p>A missed call-back is one of the commonest "
                            "reasons for a complaint. It turns a patient customer into one who feels "
                            "ignored.</p><h3>Once is the limit</h3><p>A customer is transferred no "
                            "more than once in a contact. If you receive a transfer and think the "
                            "customer needs to go somewhere else again, speak to your team leader "
                            "before doing anything.</p>"
                        ),
                    ),
                    (
                        "policy",
                        {
                            "policy": "call-transfers",
                            "note": (
                                "These are the rules for every transfer: warm, introduced by name and "
                                "title, summarised so the customer does not repeat themselves, and no "
                                "more than one per contact."
                            ),
                        },
                    ),
                    (
                        "key_points",
                        {
                            "title": "Warm transfers",
                            "points": [
                                "Explain why, say who, and ask permission.",
                                "Stay on the line and introduce the customer by name and title.",
                                "Summarise so the customer never has to repeat their story.",
                                "No answer within 3 minutes? Offer a call-back instead.",
                                ("A call-back is a promise: a 2-hour window, logged, with a named caller."),
                            ],
                        },
                    ),
                    (
                        "dialogue",
                        {
                            "title": "A warm transfer done well",
                            "situation": (
                                "Dr Mensah's electricity meter was damaged in a small kitchen fire. "
                                "The meter needs replacing, and only the Metering team can book that."
                            ),
                            "lines": [
                                {
                                    "speaker": "customer",
                                    "text": (
                                        "We had a small fire in the kitchen last night. Everyone's "
                                        "fine, but the meter box is scorched and the fire service said "
                                        "to get the meter looked at."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "I'm glad everyone's safe, Dr Mensah, that must have been "
                                        "frightening. Is your electricity working at the moment, and "
                                        "does anyone in the house rely on it for medical equipment?"
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "It's working. No medical equipment.",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Thank you. A damaged meter needs replacing, and that has to "
                                        "be booked by our Metering team because they arrange the "
                                        "engineer's safety checks. I'd like to transfer you to them. "
                                        "I'll stay on the line and explain everything, so you don't "
                                        "have to repeat it. Is that alright?"
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "Yes, that's fine.",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "[To Metering] Hello Sam, it's Aisha in Customer Service. I "
                                        "have Dr Mensah with me. There was a small kitchen fire last "
                                        "night and the meter box is scorched. The supply is working "
                                        "and there's no medical equipment in the home. Dr Mensah needs "
                                        "an urgent meter exchange. I've updated the account notes. "
                                        "Have you got everything you need?"
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "[Back to the customer] Dr Mensah, Sam in Metering has all the "
                                        "details and is booking your engineer now. I'll leave you with "
                                        "Sam. Take care."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "Thank you, that was painless.",
                                },
                            ],
                            "takeaway": (
                                "The agent asked the safety questions first, explained why the "
                                "transfer was needed, asked permission, stayed on the line and "
                                "introduced Dr Mensah properly. Sam could start straight away, and Dr "
                                "Mensah did not have to repeat a word of it."
                            ),
                        },
                    ),
                    (
                        "reflection",
                        {
                            "prompt": (
                                "When you last transferred a call, did the customer have to repeat "
                                "anything to the next person?"
                            ),
                            "hint": (
                                "If you're not sure, find out. Ask a colleague who receives your "
                                "transfers what they actually hear from you."
                            ),
                        },
                    ),
                ],
            },
            {
                "slug": "checking-it-is-resolved",
                "title": "Checking it's resolved",
                "summary": (
                    "How to end a contact so the customer does not need to come back: confirm, recap "
                    "and look one step ahead."
                ),
                "estimated_minutes": 12,
                "body": [
                    (
                        "text",
                        (
                            "<p>A contact is not resolved when you think it is. It is resolved when "
                            "the customer does not need to contact us again about the same thing. Many "
                            "repeat contacts happen not because the problem was left unsolved, but "
                            "because the customer was not sure it had been solved.</p><h3>Before you "
                            "close</h3><ol><li><strong>Confirm the outcome.</strong> <em>So your bill "
                            "has been corrected to £85 and the new bill will be emailed within the "
                            "hour. Does that sort things out for you?</em></li><li><strong>Recap what "
                            "happens next.</strong> Anything that will happen after the call, such as "
                            "a refund, a letter, a visit or a call-back. Say when, and "
                            "how.</li><li><strong>Answer tomorrow's question today.</strong> Think "
                            "about what the customer will wonder tomorrow. Will their direct debit "
                            "change? Will they get a letter that looks alarming? Tell them "
                            "now.</li><li><strong>Ask if there is anything else</strong>, and leave "
                            "time for an answer. It is a real question, not a way of ending the "
                            "call.</li><li><strong>Write clear notes.</strong> If the customer does "
                            "contact us again, the next colleague should understand what was agreed in "
                            "ten seconds.</li></ol><h3>Thinking one step ahead</h3><p>The agents who "
                            "resolve the most contacts first time are not always the fastest. They are "
                            "the ones who think one step ahead. If you change a payment amount, tell "
                            "the customer the date of the first new collection. If you rebill an "
                            "account, warn them that the old bill may still show online for a day or "
                            "two. Small pieces of information like these prevent a surprising number "
                            "of calls.</p><h3>When you cannot finish it today</h3><p>Some issues "
                            "cannot be completed in one contact: a meter test, a complaint "
                            "investigation, an approval above your limit. First-contact resolution "
                            "then means doing everything that can be done now, setting a clear next "
                            "step with a date, and making sure the customer never has to chase us.</p>"
                        ),
                    ),
                    (
                        "key_points",
                        {
                            "title": "Closing well",
                            "points": [
                                "Resolved means the customer doesn't need to contact us again.",
                                "Confirm the outcome and ask whether it sorts things out.",
                                "Tell the customer what happens next, when and how.",
                                "Answer tomorrow's question today.",
                                "Write notes a colleague can understand in ten seconds.",
                            ],
                        },
                    ),
                    (
                        "dialogue",
                        {
                            "title": "Closing the loop",
                            "situation": (
                                "Mr Lindqvist, whom you met in the Active listening course, is near "
                                "the end of his call to close his account before moving house."
                            ),
                            "lines": [
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Mr Lindqvist, before we finish, let me go over everything. "
                                        "Your account closes on Friday, and you'll send both meter "
                                        "readings that morning using the link I've texted you."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "Yes, I've got the text.",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "The final bill goes to your daughter's address, and the "
                                        "credit from your late wife's prepayment key will be added to "
                                        "it. If the final bill shows we owe you money, it will be "
                                        "refunded to your bank account within five working days."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "Right. And the direct debit?",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Good question. I've set it to stop after the final bill, so "
                                        "nothing else will be taken. You don't need to contact your "
                                        "bank."
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "That's a relief. I wasn't sure if I had to.",
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "One more thing: you may get an automatic letter next week "
                                        "saying we're sorry to see you go. You can ignore it; it "
                                        "doesn't need a reply. Does all of that cover everything you "
                                        "needed today?"
                                    ),
                                },
                                {
                                    "speaker": "customer",
                                    "text": "It does. You've been very thorough, thank you.",
                                },
                                {
                                    "speaker": "agent",
                                    "text": ("You're welcome, Mr Lindqvist. I hope the move goes smoothly."),
                                },
                            ],
                            "takeaway": (
                                "The agent answered the direct debit question before Mr Lindqvist had "
                                "to ring back about it, and warned him about a letter that might "
                                "otherwise have worried him. Either could have been a repeat contact."
                            ),
                        },
                    ),
                    (
                        "reflection",
                        {
                            "prompt": (
                                "Think of the last customer who contacted us a second time about the "
                                "same issue. What could the first agent have said to prevent it?"
                            ),
                            "hint": (
                                "Often it is a single missing sentence, such as when a refund will "
                                "arrive or what a letter means."
                            ),
                        },
                    ),
                ],
            },
        ],
    },
    {
        "slug": "leading-a-service-team",
        "title": "Leading a service team",
        "summary": (
            "Teams take their lead from their team leader, not from an email. This course helps team "
            "leaders learn and certify first, repeat the message until it sticks, give consistent "
            "answers on policy, and coach from real calls with fair, honest sign-off."
        ),
        "audience": "Team leaders and supervisors",
        # Who the catalogue offers it to: the demo's leaders by the job titles on their profiles
        # (project/demo/organisation.py), so advisers are not offered a course that is not for them.
        "audience_job_titles": [
            "Head of Customer Service",
            "Team leader, Front Desk",
            "Team leader, Support Line",
        ],
        "estimated_minutes": 60,
        "leaders_first": True,
        "validity_months": 12,
        "skills": [
            "leading",
        ],
        "modules": [
            {
                "slug": "learn-first-lead-first",
                "title": "Learn first, lead first",
                "summary": (
                    "Why team leaders complete and certify each course before their team, and what "
                    "happens when they don't."
                ),
                "estimated_minutes": 14,
                "body": [
                    (
                        "text",
                        (
                            "<p>In Frontline, most courses are marked <em>leaders first</em>. Team "
                            "leaders complete and certify those courses before they open to their "
                            "team. This is not a formality. It is how we make sure that when an agent "
                            "turns to you with a question, you already know the answer, and it is the "
                            "same answer every other team leader would give.</p><h3>What happens when "
                            "leaders aren't first</h3><ul><li>Agents ask a question, get an uncertain "
                            "answer and stop asking. They go to the quality team, a long-serving "
                            "colleague or whoever is nearest instead. The team leader is "
                            "<strong>bypassed</strong>.</li><li>Different agents get different answers "
                            "from different places, and <strong>mixed messages</strong> about policy "
                            "spread through the team.</li><li>The leader cannot coach what they do not "
                            "know, so calls go unobserved and feedback stays vague.</li></ul><p>Once a "
                            "team has learned to go round its leader, that trust is hard to win back. "
                            "Being first is far easier than catching up.</p><h3>Being the reliable "
                            "answer</h3><p>Your team needs you to be the place where the right answer "
                            "lives. That does not mean knowing everything. It "
                            "means:</p><ul><li>knowing the key policies well enough to answer common "
                            "questions without looking them up;</li><li>knowing where to check the "
                            "rest, and checking rather than guessing;</li><li>saying <em>I'll find out "
                            "and come back to you by two o'clock</em> when you don't know, and then "
                            "doing it;</li><li>telling your team when you got something wrong, so the "
                            "correction reaches everyone.</li></ul><h3>Consistent across "
                            "leaders</h3><p>Agents talk to each other across teams and shifts. If one "
                            "leader approves goodwill credits freely and another never does, agents "
                            "learn that the policy depends on who is on shift. Talk to your fellow "
                            "leaders about grey areas, agree a shared answer, and take anything "
                            "unclear to your manager so the policy can be clarified for everyone.</p>"
                        ),
                    ),
                    (
                        "policy",
                        {
                            "policy": "refunds",
                            "note": (
                                "Agents ask about goodwill limits more than almost anything else. "
                                "Every leader should know this policy by heart, and every leader's "
                                "answer should match."
                            ),
                        },
                    ),
                    (
                        "key_points",
                        {
                            "title": "Leaders first",
                            "points": [
                                "Certify before your team, so you are the reliable answer.",
                                "Once a team has bypassed its leader, it gets easier to do it again.",
                                "Don't know? Say when you'll find out, and do it.",
                                "Agree grey areas with other leaders, not on the spot.",
                                "Correct your own mistakes in front of the team.",
                            ],
                        },
                    ),
                    (
                        "dialogue",
                        {
                            "title": "A consistent answer",
                            "situation": (
                                "Kasia, an agent, catches her team leader between calls. Her customer, "
                                "Mr Rahman, had no heating or hot water for a week while we were slow "
                                "to replace his faulty gas meter."
                            ),
                            "lines": [
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Quick one. I've got Mr Rahman on hold. He's asking for a "
                                        "hundred pounds for the week without heating. Ben on the late "
                                        "shift told us last month we can just do that."
                                    ),
                                },
                                {
                                    "speaker": "leader",
                                    "text": (
                                        "Thanks for checking rather than guessing. What do you think is fair?"
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Honestly, a hundred sounds fair. It was a whole week, and "
                                        "he's got a baby."
                                    ),
                                },
                                {
                                    "speaker": "leader",
                                    "text": (
                                        "I agree it's reasonable. You can approve up to fifty, and "
                                        "anything above that needs me. Ben works to the same limit, so "
                                        "I'll have a word with him about what he said. I'm approving "
                                        "the hundred now. Put my name on the account note as the "
                                        "approver."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": "Great. Should I mention the baby in the notes?",
                                },
                                {
                                    "speaker": "leader",
                                    "text": (
                                        "Ask Mr Rahman first whether he'd like to be on the Priority "
                                        "Services Register. If he says yes, record it there, so he "
                                        "gets extra support if his supply goes again."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": "Will do. Thanks.",
                                },
                                {
                                    "speaker": "leader",
                                    "text": (
                                        "Good call coming to me. Bring it up at Thursday's huddle, and "
                                        "we'll go over the limits with everyone."
                                    ),
                                },
                            ],
                            "takeaway": (
                                "The leader gave the answer the policy gives, approved what was within "
                                "their own authority straight away, followed up the mixed message with "
                                "the other leader, and turned one question into a reminder for the "
                                "whole team."
                            ),
                        },
                    ),
                    (
                        "reflection",
                        {
                            "prompt": (
                                "In the last month, has one of your agents taken a question to someone "
                                "other than you? Why do you think that was?"
                            ),
                            "hint": (
                                "Be honest with yourself. Were you unavailable, unsure, or not yet "
                                "trained on the subject? Each has a different fix."
                            ),
                        },
                    ),
                ],
            },
            {
                "slug": "huddles-and-repetition",
                "title": "Huddles and repeating the message",
                "summary": (
                    "How to run a short team huddle and keep an important message alive until it "
                    "becomes habit."
                ),
                "estimated_minutes": 14,
                "body": [
                    (
                        "text",
                        (
                            "<p>Most important messages in a contact centre are said once: in an "
                            "email, a briefing or a single team meeting. A few people remember them. "
                            "Within a month, practice has drifted back to how it was. A message said "
                            "once has not really been said.</p><h3>Why repetition works</h3><p>Agents "
                            "are busy. They handle dozens of contacts a day, and a new policy detail "
                            "competes with everything else they are holding in their heads. People "
                            "need to hear something several times, in several ways, before it becomes "
                            "what they do without thinking. Repeating a message is not nagging. It is "
                            "how learning sticks.</p><h3>The short huddle</h3><p>A huddle is a short, "
                            "regular, standing-up conversation with your team, usually at the start of "
                            "a shift. Ten minutes is plenty. A good huddle:</p><ol><li><strong>Has one "
                            "main message.</strong> Not five. One thing you want the team to do "
                            "differently or better.</li><li><strong>Uses a real example.</strong> A "
                            "call from yesterday, anonymised if need be, showing the message in "
                            "action.</li><li><strong>Asks as well as tells.</strong> <em>How would you "
                            "handle this?</em> gets the team thinking and shows you where the gaps "
                            "are.</li><li><strong>Ends with something to try.</strong> <em>Today, "
                            "summarise before you solve on every call.</em></li><li><strong>Comes back "
                            "to last time.</strong> Start by asking how last week's message "
                            "went.</li></ol><h3>A rhythm for one message</h3><p>Take one message, such "
                            "as <em>acknowledge before you solve</em>, and plan to return to it over "
                            "several weeks. Introduce it in a huddle, share a good call a few days "
                            "later, mention it in one-to-ones, listen for it when you observe calls, "
                            "and celebrate someone who did it well. By the end, it is part of how the "
                            "team talks.</p><h3>Keep the message the same</h3><p>Repetition only helps "
                            "if you repeat the same thing. Use the wording from the course and the "
                            "policy, not a paraphrase that shifts a little each time. If other leaders "
                            "are running huddles on the same subject, agree the message with them "
                            "first.</p>"
                        ),
                    ),
                    (
                        "key_points",
                        {
                            "title": "Running a huddle",
                            "points": [
                                "Ten minutes, standing up, one message.",
                                "Use a real call as the example.",
                                "Ask the team as well as telling them.",
                                "End with one thing to try today.",
                                "Return to the same message over several weeks.",
                            ],
                        },
                    ),
                    (
                        "dialogue",
                        {
                            "title": "A ten-minute huddle",
                            "situation": (
                                "Start of the morning shift. Team leader Marcus runs a huddle on warm "
                                "transfers with his team of eight agents."
                            ),
                            "lines": [
                                {
                                    "speaker": "leader",
                                    "text": (
                                        "Morning, everyone. Quick one today. Last week we talked about "
                                        "owning the contact. Who had a call where they kept something "
                                        "they'd normally have transferred?"
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Me. A payment plan. I thought it had to go to Collections, "
                                        "but I could set it up myself because it was under twelve "
                                        "months."
                                    ),
                                },
                                {
                                    "speaker": "leader",
                                    "text": (
                                        "Brilliant, that's exactly it. Today is about the calls that "
                                        "really do need transferring. What's the rule?"
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Warm transfer. Stay on the line, introduce the customer, summarise."
                                    ),
                                },
                                {
                                    "speaker": "leader",
                                    "text": (
                                        "Right. And the bit people forget: introduce them by name and "
                                        "title. Yesterday I heard a transfer where the customer was "
                                        "introduced as 'a lady about her bill'. Mrs Ogunleye had to "
                                        "explain everything again."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": ("What if Metering doesn't pick up? Sometimes it rings forever."),
                                },
                                {
                                    "speaker": "leader",
                                    "text": (
                                        "Good question. After three minutes, don't leave the customer "
                                        "holding. Offer a call-back within a two-hour window and log "
                                        "it on the account. Then make sure it happens."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": "Got it.",
                                },
                                {
                                    "speaker": "leader",
                                    "text": (
                                        "So, today: every transfer gets the customer's name and title "
                                        "and a one-line summary. I'll listen to a few this afternoon, "
                                        "and we'll talk about how it went on Thursday."
                                    ),
                                },
                            ],
                            "takeaway": (
                                "One message, a real example, a question from the team answered "
                                "straight from the policy, and something specific to try today. Marcus "
                                "also linked back to last week's message and told the team when this "
                                "one would come up again."
                            ),
                        },
                    ),
                    (
                        "reflection",
                        {
                            "prompt": (
                                "What is the one message your team most needs to hear more than once "
                                "this month?"
                            ),
                            "hint": (
                                "Plan three different moments to repeat it over the next few weeks: a "
                                "huddle, a real call example and a one-to-one."
                            ),
                        },
                    ),
                ],
            },
            {
                "slug": "observing-real-calls",
                "title": "Observing real calls and giving feedback",
                "summary": (
                    "Why real calls are the only reliable measure of service, and how to give feedback "
                    "that actually changes what agents do."
                ),
                "estimated_minutes": 16,
                "body": [
                    (
                        "text",
                        (
                            "<p>Courses and huddles build knowledge. Only real calls show whether that "
                            "knowledge is being used. A team can complete every course and still "
                            "interrupt customers, apologise with a <em>but</em> and shuffle calls. If "
                            "nobody is listening to real calls, nobody knows.</p><h3>How to "
                            "observe</h3><ul><li><strong>Listen regularly.</strong> Aim for at least "
                            "two calls per agent each month, live or recorded. Regular, low-key "
                            "listening feels normal; rare listening feels like an "
                            "inspection.</li><li><strong>Listen to the whole call.</strong> The "
                            "opening and the close often tell you as much as the "
                            "middle.</li><li><strong>Use the same criteria for everyone.</strong> "
                            "Observe against the skills in these courses: listening, names and titles, "
                            "acknowledgement, apology, policy accuracy and "
                            "resolution.</li><li><strong>Note evidence, not impressions.</strong> "
                            "Write down what was said and when: <em>Interrupted at 0:12, when the "
                            "customer said her mother had moved out.</em></li></ul><h3>Giving feedback "
                            "that works</h3><ol><li><strong>Do it soon.</strong> Feedback on the same "
                            "day is far more useful than feedback a fortnight "
                            "later.</li><li><strong>Ask first.</strong> <em>How do you think that call "
                            "went?</em> Agents often spot their own improvement point, and owning it "
                            "makes the change more likely.</li><li><strong>Be specific.</strong> Point "
                            "to the moment in the call and say what you heard.</li><li><strong>Start "
                            "with what went well, and mean it.</strong> Name specific good practice so "
                            "the agent knows to keep doing it.</li><li><strong>Choose one thing to "
                            "work on.</strong> Not a list. One change, practised, is worth more than "
                            "five points forgotten.</li><li><strong>Agree when you will listen "
                            "again.</strong> Feedback with no follow-up is just another message said "
                            "once.</li></ol><h3>Vague feedback does not help</h3><p><em>Be more "
                            "empathetic</em> or <em>take more ownership</em> sounds like feedback, but "
                            "it gives the agent nothing to do differently. Describe the behaviour and "
                            "what you would like instead: <em>When Mr Adeyemi mentioned his children, "
                            "you went straight to the postcode. Next time, name what he's dealing with "
                            "first.</em></p>"
                        ),
                    ),
                    (
                        "key_points",
                        {
                            "title": "Observation and feedback",
                            "points": [
                                "Listen to real calls regularly, for every agent.",
                                "Record evidence: what was said, and when.",
                                "Ask the agent first how they think it went.",
                                "Specific praise, then one thing to work on.",
                                "Agree when you will listen again.",
                            ],
                        },
                    ),
                    (
                        "dialogue",
                        {
                            "title": "Before: vague feedback",
                            "situation": (
                                "Team leader Grace has listened to a recording of agent Tom's call "
                                "with Mrs Hughes, whose direct debit was taken twice. Tom resolved the "
                                "problem, but the start of the call was tense."
                            ),
                            "lines": [
                                {
                                    "speaker": "leader",
                                    "text": (
                                        "I listened to your call with Mrs Hughes. It was okay, but you "
                                        "need to be more empathetic."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": "Right. What do you mean?",
                                },
                                {
                                    "speaker": "leader",
                                    "text": ("You know, show you care more. Customers need to feel heard."),
                                },
                                {
                                    "speaker": "agent",
                                    "text": "I thought I did. I sorted her refund.",
                                },
                                {
                                    "speaker": "leader",
                                    "text": ("You did, but the tone wasn't quite there. Just work on it."),
                                },
                                {
                                    "speaker": "agent",
                                    "text": "Okay.",
                                },
                            ],
                            "takeaway": (
                                "Tom leaves with nothing he can actually do differently, and a feeling "
                                "that his good work went unnoticed. Next month's call will probably "
                                "sound exactly the same."
                            ),
                        },
                    ),
                    (
                        "dialogue",
                        {
                            "title": "After: specific and useful",
                            "situation": (
                                "Team leader Grace has listened to a recording of agent Tom's call "
                                "with Mrs Hughes, whose direct debit was taken twice. Tom resolved the "
                                "problem, but the start of the call was tense."
                            ),
                            "lines": [
                                {
                                    "speaker": "leader",
                                    "text": (
                                        "Tom, have you got ten minutes? I listened to your call with "
                                        "Mrs Hughes about the double payment. How do you think it went?"
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Alright, I think. She was really angry at the start. I got "
                                        "the refund sorted, but it felt like hard work."
                                    ),
                                },
                                {
                                    "speaker": "leader",
                                    "text": (
                                        "You did sort it, and well. You found the second payment "
                                        "quickly, you apologised without blaming anyone, and you "
                                        "stayed within your goodwill limit. That's all exactly right."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": "Thanks. The start was the hard bit.",
                                },
                                {
                                    "speaker": "leader",
                                    "text": (
                                        "Let's look at that. About twenty seconds in, she said she was "
                                        "worried about her rent going out on Friday, and you went "
                                        "straight to asking for her account number. What might have "
                                        "happened if you'd picked up on the rent first?"
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "She'd probably have calmed down sooner. I think I just wanted "
                                        "to get to the fix."
                                    ),
                                },
                                {
                                    "speaker": "leader",
                                    "text": (
                                        "That's very common. So for this week, one thing to try: when "
                                        "a customer tells you how a problem is affecting them, name it "
                                        "back before you do anything else. I'll listen to a couple of "
                                        "your calls on Thursday and we'll see how it's going."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": "Sounds good. I'll give it a go.",
                                },
                            ],
                            "takeaway": (
                                "Grace asked first, praised specific good practice, pointed to an "
                                "exact moment in the call and agreed one change with a date to follow "
                                "up. Tom knows exactly what to do differently on his next call."
                            ),
                        },
                    ),
                    (
                        "reflection",
                        {
                            "prompt": (
                                "When did you last listen to a real call from each person in your "
                                "team? Whose calls haven't you heard this month?"
                            ),
                            "hint": (
                                "If some names come to mind straight away, book time to listen to them "
                                "this week. The agents we listen to least are often the ones who would "
                                "benefit most."
                            ),
                        },
                    ),
                ],
            },
            {
                "slug": "fair-sign-off",
                "title": "Signing off practical observations fairly",
                "summary": (
                    "How to decide fairly and consistently whether an agent shows a skill on real "
                    "contacts, and what to do when they are not there yet."
                ),
                "estimated_minutes": 16,
                "body": [
                    (
                        "text",
                        (
                            "<p>Completing a course shows an agent knows what to do. A "
                            "<strong>practical observation</strong>, signed off by a team leader, "
                            "shows they actually do it on real contacts. Together they close the gap "
                            "between being educated and being skilled.</p><p>Your sign-off means "
                            "something to the agent, to customers and to the business. It has to be "
                            "fair.</p><h3>What fair looks like</h3><ul><li><strong>The same standard "
                            "for everyone.</strong> Use the criteria for the skill, not your general "
                            "sense of who is a strong performer. Your most experienced agent and your "
                            "newest starter are observed against the same "
                            "criteria.</li><li><strong>Evidence from real contacts.</strong> Base your "
                            "decision on at least two real calls or chats that you have listened to or "
                            "reviewed, and note what you saw against each "
                            "criterion.</li><li><strong>Not friendship, and not one bad day.</strong> "
                            "If you notice you are being harder or softer on someone, ask another "
                            "leader to observe as well.</li><li><strong>Explained either way.</strong> "
                            "Whether or not you sign off, tell the agent why, with "
                            "examples.</li></ul><h3>Not yet is not failed</h3><p>If an agent is not "
                            "ready, the outcome is <em>not yet</em>. Give specific feedback, agree one "
                            "or two things to practise, and book another observation, usually within "
                            "two weeks. Many agents get there on the second or third observation, and "
                            "they are often the ones who end up most confident.</p><h3>Don't sign off "
                            "to keep the numbers up</h3><p>It is tempting to sign off an agent who is "
                            "nearly there when your team's certification rate is being reported. "
                            "Resist it. A sign-off for a skill that is not really there helps nobody: "
                            "the customer still gets the interruption or the cold transfer, and the "
                            "agent loses the chance to improve. An honest rate that rises slowly is "
                            "worth far more than a high rate that means "
                            "nothing.</p><h3>Renewal</h3><p>Certifications expire after 12 or 24 "
                            "months, depending on the course. Renewal includes a fresh observation, "
                            "because skills drift and policies change.</p>"
                        ),
                    ),
                    (
                        "key_points",
                        {
                            "title": "Fair sign-off",
                            "points": [
                                "One standard, the same criteria, for every agent.",
                                "Decide on evidence from at least two real contacts.",
                                "'Not yet' comes with specific feedback and a date to observe again.",
                                "Never sign off to improve the numbers.",
                                "If you doubt your own fairness, ask another leader to observe too.",
                            ],
                        },
                    ),
                    (
                        "dialogue",
                        {
                            "title": "A 'not yet' conversation",
                            "situation": (
                                "Team leader Grace has observed two of agent Daniel's calls for his "
                                "First-contact resolution sign-off. Both were polite and accurate, but "
                                "on one he transferred a call he could have resolved himself, and the "
                                "transfer was cold."
                            ),
                            "lines": [
                                {
                                    "speaker": "leader",
                                    "text": (
                                        "Daniel, thanks for letting me listen in on those two calls. "
                                        "How do you feel they went?"
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Fine, I think. The first one I sorted. The second was a "
                                        "payment plan, so I sent it to Collections."
                                    ),
                                },
                                {
                                    "speaker": "leader",
                                    "text": (
                                        "The first one was excellent. You summarised the problem, "
                                        "fixed the reading yourself and told Mrs Ellis exactly when "
                                        "her new bill would arrive. That's the standard."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": "Thanks.",
                                },
                                {
                                    "speaker": "leader",
                                    "text": (
                                        "On the second, Mr Hartley wanted a six-month plan. Agents can "
                                        "set up plans of up to twelve months, so that one was yours to "
                                        "keep. And when it went to Collections, it went straight into "
                                        "their queue without an introduction."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": (
                                        "Oh. I didn't realise I could do plans. And Collections always "
                                        "take ages to answer."
                                    ),
                                },
                                {
                                    "speaker": "leader",
                                    "text": (
                                        "That's exactly when the call-back rule helps: after three "
                                        "minutes, offer a call-back instead. So today I'm recording "
                                        "this as 'not yet'. It isn't a fail. Your listening and "
                                        "accuracy are there. It's ownership and transfers we need to "
                                        "get right."
                                    ),
                                },
                                {
                                    "speaker": "agent",
                                    "text": "Fair enough. What do I need to do?",
                                },
                                {
                                    "speaker": "leader",
                                    "text": (
                                        "Two things: set up the next payment plan yourself, and make "
                                        "every transfer warm. We'll go through the payment plan screen "
                                        "together this afternoon, and I'll observe again a week on "
                                        "Friday."
                                    ),
                                },
                            ],
                            "takeaway": (
                                "Grace used the same criteria she would use for anyone, praised "
                                "specific good practice, explained the gap with evidence from the "
                                "calls, and gave Daniel a clear plan and a date. 'Not yet' felt like a "
                                "next step, not a judgement."
                            ),
                        },
                    ),
                    (
                        "reflection",
                        {
                            "prompt": (
                                "Think about the last practical observation you signed off. Could you "
                                "explain your decision to another team leader using only the evidence "
                                "you wrote down?"
                            ),
                            "hint": (
                                "If you would need to fall back on your general impression of the "
                                "agent, gather more evidence before you decide next time."
                            ),
                        },
                    ),
                ],
            },
        ],
    },
]
