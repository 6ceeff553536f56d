"""Demo assessments for Frontline LMS.

Original assessment content for the five demo courses in ``courses/demo/curriculum.py``, set at the
fictional supplier Brightwater Utilities. Pure data, keyed by course slug.

Each assessment separates *awareness* (knowing the right thing) from *skill* (doing it):

* awareness questions: "single_choice", "multiple_response" and "true_false";
* skill questions: "judgement" (choose the best reply; options carry a quality of 0 to 100),
  "sequencing" (steps listed in the correct order; the software shuffles them) and "written"
  (a reply marked against a rubric);
* "pool" draws ``draw`` of its questions at random for each attempt.

Every question lists the skill slugs (from ``curriculum.SKILLS``) that it tests. "observation" lists the
behaviours a certified team leader looks for when observing a real or role-played contact.

Option length gives nothing away: the best reply or right answer is never the longest option, is as often
among the shortest as in the middle, and the weaker replies are the mistakes agents really make (an
apology with no action, policy quoted coldly, a promise nobody can keep, a transfer too soon).
``manage.py lms_check_questions`` checks it, and a test runs that check over the built demo.
"""

ASSESSMENTS = {
    "active-listening": {
        "title": "Active listening: assessment",
        "intro": (
            "This assessment has two parts woven together. Some questions check that you know what "
            "good listening looks like, and others put you in a real conversation and ask what you "
            "would actually say. Take your time, and answer as you would on a normal shift."
        ),
        "awareness_threshold": 70,
        "skill_threshold": 70,
        "skill_minimum": 50,
        "attempt_limit": 3,
        "cooldown_minutes": 60,
        "time_limit_minutes": 30,
        "questions": [
            (
                "single_choice",
                {
                    "prompt": (
                        "The course describes a good summary in four parts. Which list gives those "
                        "four parts?"
                    ),
                    "skills": ["listening"],
                    "options": [
                        {
                            "text": "Facts, impact, what the customer wants, and a check",
                            "correct": True,
                        },
                        {
                            "text": "Greeting, the problem, your solution and a warm close",
                            "correct": False,
                        },
                        {
                            "text": ("Facts, an apology, the solution and a check that they're happy"),
                            "correct": False,
                        },
                        {
                            "text": "Account number, the problem, its cause and the next step",
                            "correct": False,
                        },
                    ],
                    "explanation": (
                        "A good summary covers the facts (what happened, when, any amounts), the "
                        "impact on the customer, what they want to happen, and ends with a check "
                        "such as 'Have I got that right?'. The 'wants' part is the one agents skip "
                        "most often, and it matters most."
                    ),
                },
            ),
            (
                "single_choice",
                {
                    "prompt": (
                        "The account is in the name of J. Mercer, with no title recorded. The "
                        "caller says, 'It's Jean Mercer speaking.' How should you address her?"
                    ),
                    "skills": ["names-and-titles"],
                    "options": [
                        {
                            "text": "Ask how she would like to be addressed, or use Ms Mercer",
                            "correct": True,
                        },
                        {"text": "Mrs Mercer, as that is the most common title", "correct": False},
                        {
                            "text": ("Jean, because she gave her first name and it sounds friendlier"),
                            "correct": False,
                        },
                        {
                            "text": "Avoid using her name at all, so you can't get it wrong",
                            "correct": False,
                        },
                    ],
                    "explanation": (
                        "Never guess Mrs or Miss. Use Ms, or simply ask: 'How would you like me to "
                        "address you?' Giving a first name is not the same as inviting you to use "
                        "it. Avoiding the name altogether loses the warmth it brings at the "
                        "greeting, key moments and the close."
                    ),
                },
            ),
            (
                "multiple_response",
                {
                    "prompt": (
                        "Which of these habits help you listen without interrupting? Choose all that apply."
                    ),
                    "skills": ["listening"],
                    "options": [
                        {
                            "text": "Count one beat in your head when the customer pauses",
                            "correct": True,
                        },
                        {
                            "text": ("Jot a question in the notes and ask it once the customer has finished"),
                            "correct": True,
                        },
                        {
                            "text": ("Play back the customer's own words: 'brown', not 'discoloured'"),
                            "correct": True,
                        },
                        {
                            "text": ("Ask yes-or-no questions early on, so the call stays focused and short"),
                            "correct": False,
                        },
                        {
                            "text": (
                                "Start the fix as soon as you recognise the problem, to save the "
                                "customer time"
                            ),
                            "correct": False,
                        },
                    ],
                    "explanation": (
                        "Pausing for a beat, writing questions down and using the customer's own "
                        "words all help you hold back and show you were listening. Open questions "
                        "come first and closed, yes-or-no questions later, to check facts. "
                        "Starting the fix early is exactly how agents miss the detail that changes "
                        "the answer."
                    ),
                },
            ),
            (
                "true_false",
                {
                    "statement": (
                        "Using the customer's name in almost every sentence is the best way to "
                        "show warmth on a call."
                    ),
                    "skills": ["names-and-titles"],
                    "answer": False,
                    "explanation": (
                        "Using a name in every sentence sounds scripted and can feel like "
                        "pressure. Use it at the greeting, at important moments such as an apology "
                        "or a key explanation, and at the close. Two to four times in a typical "
                        "call is plenty."
                    ),
                },
            ),
            (
                "judgement",
                {
                    "scenario": (
                        "Mrs Abara has called about a letter telling her that her monthly payment "
                        "is going up. She says: 'I've had this letter saying my payments are going "
                        "up to ninety pounds, and I just don't see how, because since my husband "
                        "went into hospital in March it's only been me in the house, and...' Then "
                        "she pauses."
                    ),
                    "prompt": "What is the best thing to say next?",
                    "skills": ["listening"],
                    "options": [
                        {"text": "'I see. Go on, Mrs Abara, take your time.'", "quality": 100},
                        {
                            "text": (
                                "'Thank you, Mrs Abara. So the letter says ninety pounds, and it's "
                                "just you at home since March. Have I got that right?'"
                            ),
                            "quality": 60,
                        },
                        {
                            "text": (
                                "'Payments are reviewed every year based on the last twelve "
                                "months, so that will be why it's gone up.'"
                            ),
                            "quality": 25,
                        },
                        {
                            "text": (
                                "'That won't be anything to do with who's living there, it's all "
                                "based on the meter. Can I take your account number?'"
                            ),
                            "quality": 0,
                        },
                    ],
                    "explanation": (
                        "She has paused mid-sentence, which is often when the important detail "
                        "arrives, so the best reply is a small signal that keeps the floor open "
                        "for her. The summary is accurate and polite but comes too soon, before "
                        "she has finished. Explaining the annual review jumps to an answer for a "
                        "problem she has not finished describing. Contradicting her and asking for "
                        "the account number dismisses what she has told you, including a change at "
                        "home that may mean she needs extra support."
                    ),
                },
            ),
            (
                "judgement",
                {
                    "scenario": (
                        "The account is in the name of Mr Emeka Nwosu. The caller says: 'Hello, "
                        "I'm ringing about my dad's account, Mr Nwosu. He passed away three weeks "
                        "ago. I'm his daughter, Mrs Reid.'"
                    ),
                    "prompt": "What is the best thing to say next?",
                    "skills": ["names-and-titles"],
                    "options": [
                        {
                            "text": (
                                "'I'm so sorry about your father, Mrs Reid. I'll help with Mr "
                                "Nwosu's account today. Am I saying his surname right?'"
                            ),
                            "quality": 100,
                        },
                        {
                            "text": (
                                "'I'm very sorry for your loss. Let me just bring the account up "
                                "for you. Could you give me the first line of the address, "
                                "please?'"
                            ),
                            "quality": 60,
                        },
                        {
                            "text": "'Thanks for letting us know. What can I do for you today?'",
                            "quality": 25,
                        },
                        {
                            "text": (
                                "'Oh, I'm so sorry for your loss, Mrs Nwosu. Please take all the "
                                "time you need. What would you like us to do with the account?'"
                            ),
                            "quality": 0,
                        },
                    ],
                    "explanation": (
                        "The best reply addresses the caller by her own name, refers to her father "
                        "respectfully and asks once, early, how to say his name. Going straight "
                        "from condolences to the address is kind but misses the chance to use "
                        "names at an important moment. 'Thanks for letting us know' is polite but "
                        "flat: no condolence and no name. Calling a bereaved caller by the name of "
                        "the person who has died is the mistake they remember, however warm the "
                        "rest of the call is."
                    ),
                },
            ),
            (
                "sequencing",
                {
                    "prompt": (
                        "A customer rings to explain a problem. Put these steps in the order the "
                        "course recommends."
                    ),
                    "skills": ["listening"],
                    "steps": [
                        (
                            "Let the customer tell the whole story, with small signals such as 'I "
                            "see' and 'go on'"
                        ),
                        "Ask open questions, such as 'What happened next?', to fill in the picture",
                        "Ask closed questions to check specific facts, such as dates and amounts",
                        "Summarise the facts, the impact and what the customer wants",
                        "Check with 'Have I got that right?' and welcome any correction",
                        "Start solving the problem",
                    ],
                    "explanation": (
                        "Listening comes first, then open questions to let the customer tell it "
                        "their way, then closed questions to pin down facts. The summary and check "
                        "come before you solve, so you never spend time fixing the wrong problem."
                    ),
                },
            ),
            (
                "written",
                {
                    "scenario": (
                        "Miss Rosa Fenwick (the account shows her title as Miss) calls and says: "
                        "'I've had a letter saying you're fitting a new water meter on the 14th, "
                        "but I never asked for one. And I work nights, so a morning slot is no "
                        "good to me at all. I rang last week and the man said he'd cancel it, but "
                        "now I've had a text confirming it. I just want to know it's not "
                        "happening, or at least move it to an afternoon.'"
                    ),
                    "prompt": (
                        "Write exactly what you would say next: a short summary and check, before "
                        "you start to solve anything."
                    ),
                    "skills": ["listening", "names-and-titles"],
                    "points": 2,
                    "rubric": [
                        {
                            "criterion": "Facts",
                            "description": (
                                "Full marks: accurately recaps the meter fitting on the 14th, that "
                                "she did not ask for it, that she rang last week to cancel and "
                                "that she has since had a text confirming it."
                            ),
                            "points": 2,
                        },
                        {
                            "criterion": "Impact and wants",
                            "description": (
                                "Full marks: recognises that she works nights, so a morning visit "
                                "does not work, and states both outcomes she wants: cancelled, or "
                                "moved to an afternoon."
                            ),
                            "points": 2,
                        },
                        {
                            "criterion": "Check",
                            "description": (
                                "Full marks: ends with a genuine check such as 'Have I got that "
                                "right?' and does not start solving before it."
                            ),
                            "points": 1,
                        },
                        {
                            "criterion": "Name and manner",
                            "description": (
                                "Full marks: uses 'Miss Fenwick' once, naturally, without "
                                "switching to her first name; keeps to three or four sentences and "
                                "uses her own words."
                            ),
                            "points": 1,
                        },
                    ],
                    "model_answer": (
                        "Thank you, Miss Fenwick. So, to check I've got it right: you've had a "
                        "letter about fitting a water meter on the 14th, which you didn't ask for, "
                        "and although you rang last week to cancel it, you've now had a text "
                        "confirming it. You work nights, so a morning visit is no good to you. "
                        "You'd like it cancelled, or if it does go ahead, moved to an afternoon. "
                        "Have I understood that correctly?"
                    ),
                    "explanation": (
                        "A strong answer plays back the facts, the impact and both things Miss "
                        "Fenwick wants, and ends with a check, all in a few sentences. Starting "
                        "with 'I'll cancel that for you' would skip the check and might miss that "
                        "an afternoon visit would also be fine for her."
                    ),
                },
            ),
            (
                "pool",
                {
                    "title": "Listening and names in practice",
                    "draw": 2,
                    "questions": [
                        (
                            "true_false",
                            {
                                "statement": (
                                    "If a customer mentions that water is coming through their "
                                    "ceiling right now, it is right to interrupt them, gently, "
                                    "using their name and saying why."
                                ),
                                "skills": ["listening"],
                                "answer": True,
                                "explanation": (
                                    "Emergencies are one of the times you must step in. Using the "
                                    "customer's name and giving the reason makes the interruption "
                                    "feel like care rather than impatience."
                                ),
                            },
                        ),
                        (
                            "single_choice",
                            {
                                "prompt": (
                                    "On a web chat, when is the right moment to reply to the customer?"
                                ),
                                "skills": ["listening"],
                                "options": [
                                    {
                                        "text": ("When the customer has finished typing their message"),
                                        "correct": True,
                                    },
                                    {
                                        "text": ("As soon as you recognise the issue, to keep things moving"),
                                        "correct": False,
                                    },
                                    {
                                        "text": ("After each line they send, so they know you're there"),
                                        "correct": False,
                                    },
                                    {
                                        "text": (
                                            "Straight away, with the standard greeting template, "
                                            "so they're not kept waiting"
                                        ),
                                        "correct": False,
                                    },
                                ],
                                "explanation": (
                                    "Listening matters in writing too. Waiting until the customer "
                                    "has stopped typing means you reply to the whole message, not "
                                    "the first line of it."
                                ),
                            },
                        ),
                        (
                            "judgement",
                            {
                                "scenario": (
                                    "You have just summarised Mr Said's call back to him: 'So the "
                                    "engineer missed your appointment on Monday.' Mr Said replies: "
                                    "'No, it was Tuesday. And he did come, he just left without "
                                    "fixing anything.'"
                                ),
                                "prompt": "What is the best thing to say next?",
                                "skills": ["listening"],
                                "options": [
                                    {
                                        "text": (
                                            "'Thanks for putting me right, Mr Said. So he came on "
                                            "Tuesday but left without fixing it. Is that right?'"
                                        ),
                                        "quality": 100,
                                    },
                                    {
                                        "text": (
                                            "'Sorry about that, Mr Said, Tuesday then. Let me make "
                                            "a note of that and have a look at what the engineer "
                                            "recorded on his visit.'"
                                        ),
                                        "quality": 60,
                                    },
                                    {
                                        "text": (
                                            "'Okay, thanks. Either way the fault's still there, so "
                                            "the main thing now is to get another visit booked for "
                                            "you.'"
                                        ),
                                        "quality": 25,
                                    },
                                    {
                                        "text": (
                                            "'I'm fairly sure you said Monday earlier, and that's "
                                            "what I've written down, but let's not worry about "
                                            "that.'"
                                        ),
                                        "quality": 0,
                                    },
                                ],
                                "explanation": (
                                    "A correction means the summary did its job. Thank the "
                                    "customer, adjust, and summarise the changed part again. "
                                    "'Tuesday then' accepts the date but misses that the engineer "
                                    "did attend. Booking another visit brushes the correction "
                                    "aside. Defending your first version tells the customer you "
                                    "were not really listening."
                                ),
                            },
                        ),
                        (
                            "multiple_response",
                            {
                                "prompt": (
                                    "The account says 'Mrs J. Kaur'. The caller says, 'It's Ms "
                                    "Kaur, actually. The account's wrong.' What should you do? "
                                    "Choose all that apply."
                                ),
                                "skills": ["names-and-titles"],
                                "options": [
                                    {
                                        "text": "Use 'Ms Kaur' for the rest of the call",
                                        "correct": True,
                                    },
                                    {
                                        "text": (
                                            "Thank her for telling you and offer to correct the "
                                            "title on the account"
                                        ),
                                        "correct": True,
                                    },
                                    {
                                        "text": (
                                            "Keep using 'Mrs', because the account is the official record"
                                        ),
                                        "correct": False,
                                    },
                                    {
                                        "text": ("Switch to her first name so the title no longer matters"),
                                        "correct": False,
                                    },
                                    {
                                        "text": (
                                            "Avoid her name for the rest of the call, so that it "
                                            "can't go wrong a second time"
                                        ),
                                        "correct": False,
                                    },
                                ],
                                "explanation": (
                                    "Use the title the customer tells you, thank them and offer to "
                                    "correct the account so the next colleague gets it right. "
                                    "Moving to a first name without being invited, or dropping the "
                                    "name altogether, avoids the problem rather than fixing it."
                                ),
                            },
                        ),
                    ],
                },
            ),
        ],
        "observation": [
            {
                "skill": "listening",
                "behaviour": "Let the customer finish their first explanation without interrupting",
            },
            {
                "skill": "listening",
                "behaviour": (
                    "Used small spoken signals such as 'I see' or 'go on' and the customer's own words"
                ),
            },
            {
                "skill": "listening",
                "behaviour": (
                    "Summarised the facts, the impact and what the customer wants, and checked before solving"
                ),
            },
            {
                "skill": "names-and-titles",
                "behaviour": (
                    "Used the title and surname on the account, or asked, and moved to a first "
                    "name only when invited"
                ),
            },
            {
                "skill": "names-and-titles",
                "behaviour": (
                    "Used the customer's name at the greeting, at a key moment and at the close, "
                    "without overdoing it"
                ),
            },
        ],
    },
    "acknowledgement-and-apology": {
        "title": "Acknowledgement and apology: assessment",
        "intro": (
            "This assessment checks that you know what a real acknowledgement and a sincere "
            "apology sound like, and that you can give them to an upset customer in your own "
            "words. Expect a few quick knowledge questions, some realistic calls to respond to, "
            "and one short reply to write."
        ),
        "awareness_threshold": 70,
        "skill_threshold": 70,
        "skill_minimum": 50,
        "attempt_limit": 3,
        "cooldown_minutes": 60,
        "time_limit_minutes": 30,
        "questions": [
            (
                "single_choice",
                {
                    "prompt": "Which of these is an acknowledgement, as the course describes it?",
                    "skills": ["acknowledgement"],
                    "options": [
                        {
                            "text": (
                                "'You waited in all day and nobody came. That's a whole day of "
                                "your week gone.'"
                            ),
                            "correct": True,
                        },
                        {
                            "text": (
                                "'I completely understand how frustrating this must be for you, "
                                "and I'm so sorry.'"
                            ),
                            "correct": False,
                        },
                        {
                            "text": (
                                "'Apologies for any inconvenience caused by the missed appointment today.'"
                            ),
                            "correct": False,
                        },
                        {
                            "text": (
                                "'Let me take your postcode and see what's going on with the engineer.'"
                            ),
                            "correct": False,
                        },
                    ],
                    "explanation": (
                        "An acknowledgement names the specific problem and its effect on the "
                        "customer. 'I completely understand how frustrating this must be' names "
                        "nothing and sounds like a script, 'any inconvenience' is a vague apology "
                        "rather than an acknowledgement, and asking for the postcode goes straight "
                        "to the process."
                    ),
                },
            ),
            (
                "single_choice",
                {
                    "prompt": (
                        "Which of these apologies meets every test of a sincere apology in the course?"
                    ),
                    "skills": ["apology"],
                    "options": [
                        {
                            "text": (
                                "'I'm sorry we didn't send your refund when we said. I'm chasing "
                                "it now, and I'll ring you by four.'"
                            ),
                            "correct": True,
                        },
                        {
                            "text": (
                                "'I'm sorry if you feel we've let you down. I'll pass your "
                                "comments on to the team.'"
                            ),
                            "correct": False,
                        },
                        {
                            "text": (
                                "'I'm so sorry, but refunds are handled by our Payments team, so "
                                "it's really down to them.'"
                            ),
                            "correct": False,
                        },
                        {
                            "text": (
                                "'Please accept our sincere apologies for any inconvenience the "
                                "delay to your refund may have caused.'"
                            ),
                            "correct": False,
                        },
                    ],
                    "explanation": (
                        "The sincere one is specific, speaks for the company with 'we' and 'I', "
                        "blames nobody and leads straight to action. 'Sorry if you feel' "
                        "apologises for the customer's feelings, 'sorry, but' cancels itself and "
                        "blames another team, and 'any inconvenience' is too vague to mean "
                        "anything, however politely it is put."
                    ),
                },
            ),
            (
                "multiple_response",
                {
                    "prompt": "Which of these make an apology less sincere? Choose all that apply.",
                    "skills": ["apology"],
                    "options": [
                        {
                            "text": "Following 'sorry' with 'but' and an explanation",
                            "correct": True,
                        },
                        {
                            "text": "Blaming another team, a contractor or the system",
                            "correct": True,
                        },
                        {"text": "Saying 'I'm sorry if you feel that way'", "correct": True},
                        {
                            "text": "Apologising for a mistake you didn't make yourself",
                            "correct": False,
                        },
                        {
                            "text": "Saying 'we' on behalf of Brightwater Utilities",
                            "correct": False,
                        },
                    ],
                    "explanation": (
                        "'But', blame and 'if you feel' all undo an apology. You are speaking for "
                        "Brightwater, so you can and should apologise for mistakes you did not "
                        "personally make, and 'we' is how you take ownership for the company."
                    ),
                },
            ),
            (
                "true_false",
                {
                    "statement": (
                        "If a customer says they are claiming for damage, you should avoid saying "
                        "sorry, because an apology admits liability."
                    ),
                    "skills": ["apology"],
                    "answer": False,
                    "explanation": (
                        "At Brightwater, apologising for what a customer has been through is "
                        "always allowed and always encouraged. Take the details of the claim and "
                        "follow the complaints policy, but still say sorry for what they have "
                        "experienced."
                    ),
                },
            ),
            (
                "judgement",
                {
                    "scenario": (
                        "Mrs Lomax rings, clearly upset: 'This is the third time I've rung about "
                        "this. Your letters say I owe two hundred pounds. I've sent you my bank "
                        "statement twice showing I paid it, and now I've had a red letter saying "
                        "you'll pass it to debt collectors. I can't sleep for worrying about it.'"
                    ),
                    "prompt": "What is the best thing to say next?",
                    "skills": ["acknowledgement"],
                    "options": [
                        {
                            "text": (
                                "'Three calls, your statement sent twice, and now a red letter. No "
                                "wonder you can't sleep, Mrs Lomax. I'll find that payment now.'"
                            ),
                            "quality": 100,
                        },
                        {
                            "text": (
                                "'I'm so sorry you've had to ring three times, Mrs Lomax, that "
                                "really isn't the service we want you to have. Can I take your "
                                "account number so I can look into the payment for you?'"
                            ),
                            "quality": 60,
                        },
                        {
                            "text": (
                                "'I understand your frustration, and I do apologise. Can I take "
                                "your account number, please?'"
                            ),
                            "quality": 25,
                        },
                        {
                            "text": (
                                "'Please don't worry about the red letter, it's automatic. If "
                                "you've paid, it'll all sort itself out and nothing will go to the "
                                "debt collectors, I promise.'"
                            ),
                            "quality": 0,
                        },
                    ],
                    "explanation": (
                        "The best reply names the specific problem and its effect on her, then "
                        "gives a concrete next step. Apologising for the repeat calls is polite "
                        "and leads to action, but misses the worry about debt collectors. 'I "
                        "understand your frustration' is a stock phrase followed by process. "
                        "Telling her not to worry, and promising that nothing will go to debt "
                        "collectors, dismisses her worry and makes a promise nobody has checked, "
                        "which is how a third call becomes a fourth."
                    ),
                },
            ),
            (
                "judgement",
                {
                    "scenario": (
                        "We have moved Ms Cole's smart meter appointment twice without telling "
                        "her. Today she has waited in since eight, and at midday she had a text "
                        "saying the engineer is 'running late'. She says: 'I've rearranged my week "
                        "around you three times now. I just want someone to admit you've messed me "
                        "about.'"
                    ),
                    "prompt": "What is the best thing to say next?",
                    "skills": ["apology"],
                    "options": [
                        {
                            "text": (
                                "'You're right, and I'm sorry, Ms Cole. We moved you twice without "
                                "a word, and now we've kept you waiting again. I'm finding out "
                                "where the engineer is now.'"
                            ),
                            "quality": 100,
                        },
                        {
                            "text": (
                                "'Ms Cole, I'm so sorry, I really am. I can only imagine how "
                                "frustrating it's been, and I completely understand why you're "
                                "upset with us. Let me see what I can do for you today.'"
                            ),
                            "quality": 60,
                        },
                        {
                            "text": (
                                "'I'm sorry if it feels like you've been messed about, Ms Cole. "
                                "That's never our intention. Let me check where the engineer is "
                                "and what's happening with your visit.'"
                            ),
                            "quality": 25,
                        },
                        {
                            "text": (
                                "'I'm sorry, but our engineers are contractors, so their schedules "
                                "are really down to them. Appointment times are only ever "
                                "estimates, as it says in your confirmation.'"
                            ),
                            "quality": 0,
                        },
                    ],
                    "explanation": (
                        "The best reply is specific about what went wrong, owns it for Brightwater "
                        "and moves straight to action. Saying sorry three ways is sincere in tone "
                        "but vague on both the apology and the action. 'Sorry if it feels like' "
                        "turns the apology into a comment on her feelings. 'Sorry, but' followed "
                        "by blaming the contractors and quoting the small print cancels the "
                        "apology and makes the whole company look worse."
                    ),
                },
            ),
            (
                "sequencing",
                {
                    "prompt": (
                        "A customer calls, upset about something we got wrong. Put these steps in "
                        "the order the course teaches."
                    ),
                    "skills": ["acknowledgement", "apology"],
                    "steps": [
                        "Let the customer say everything once, without interrupting or defending",
                        "Acknowledge the specific problem and how it has affected them",
                        "Apologise specifically, on behalf of Brightwater, with no 'but'",
                        "Put it right, or say the concrete next step you are taking now",
                        ("Recap what you've done, what happens next and when, and give the reference number"),
                    ],
                    "explanation": (
                        "Listen, acknowledge, apologise, put it right, then make sure the customer "
                        "knows exactly what will happen. Acknowledging first is what makes the "
                        "customer willing to let you solve it, and the recap is what stops them "
                        "having to chase."
                    ),
                },
            ),
            (
                "written",
                {
                    "scenario": (
                        "Mr Samuel Asante emails: 'I switched to paperless billing in May and "
                        "asked you to stop sending paper bills. Since then I've had three paper "
                        "bills as well as the emails. Last week you sent a letter addressed to my "
                        "late father at this address, even though I told you in April that he had "
                        "died and the account was moved into my name. Opening that letter was "
                        "upsetting. Please just get this right.' You have checked: both requests "
                        "were noted on the account but never applied. You have now applied them "
                        "both."
                    ),
                    "prompt": (
                        "Write the opening of your email reply to Mr Asante: acknowledge, "
                        "apologise, and tell him what you have done and what happens next."
                    ),
                    "skills": ["acknowledgement", "apology"],
                    "points": 2,
                    "rubric": [
                        {
                            "criterion": "Specific acknowledgement",
                            "description": (
                                "Full marks: names both problems (paper bills despite paperless, "
                                "and the letter to his late father) and recognises how upsetting "
                                "that letter was."
                            ),
                            "points": 2,
                        },
                        {
                            "criterion": "Sincere apology",
                            "description": (
                                "Full marks: says exactly what we are sorry for, uses 'we' or 'I', "
                                "takes ownership, and contains no 'but', no 'if you feel' and no "
                                "blame on the system or a colleague."
                            ),
                            "points": 3,
                        },
                        {
                            "criterion": "Action and next steps",
                            "description": (
                                "Full marks: says both changes are now applied, logs it as a "
                                "complaint so we find out why, and tells him when he will hear "
                                "from us (acknowledgement within 1 working day, with a reference "
                                "and the owner's name)."
                            ),
                            "points": 2,
                        },
                        {
                            "criterion": "Tone",
                            "description": (
                                "Full marks: addressed to Mr Asante, warm and plain, no stock "
                                "phrases such as 'any inconvenience caused'."
                            ),
                            "points": 1,
                        },
                    ],
                    "model_answer": (
                        "Dear Mr Asante, thank you for writing to us. You told us in April that "
                        "your father had died and in May that you wanted paperless billing, and we "
                        "acted on neither. I'm so sorry. Receiving a letter addressed to your "
                        "father must have been very upsetting, and it should never have happened. "
                        "I have now moved everything on the account into your name and switched it "
                        "to paperless, so you won't receive any more paper bills or letters in "
                        "your father's name. I have also logged this as a complaint so we find out "
                        "why your requests were missed. You'll receive an acknowledgement by the "
                        "end of tomorrow with your reference number and the name of the person "
                        "looking into it."
                    ),
                    "explanation": (
                        "A strong reply recognises the impact, especially the letter to his late "
                        "father, before anything else, then apologises plainly and shows the "
                        "problem is already fixed. Logging the complaint is not a black mark; it "
                        "is how we stop this happening to someone else."
                    ),
                },
            ),
            (
                "pool",
                {
                    "title": "Acknowledgement and apology in practice",
                    "draw": 2,
                    "questions": [
                        (
                            "true_false",
                            {
                                "statement": (
                                    "Acknowledging a customer's problem is recognition, not an "
                                    "admission that Brightwater was at fault."
                                ),
                                "skills": ["acknowledgement"],
                                "answer": True,
                                "explanation": (
                                    "Acknowledgement shows you understand the problem and its "
                                    "effect on the customer. It is not agreeing that we were at "
                                    "fault, and it is not yet an apology."
                                ),
                            },
                        ),
                        (
                            "single_choice",
                            {
                                "prompt": "How long should an acknowledgement usually be?",
                                "skills": ["acknowledgement"],
                                "options": [
                                    {
                                        "text": "One or two sentences, then move on to action",
                                        "correct": True,
                                    },
                                    {
                                        "text": (
                                            "As long as it takes, even several minutes, so the "
                                            "customer feels heard"
                                        ),
                                        "correct": False,
                                    },
                                    {
                                        "text": (
                                            "Just a word or two, such as 'right' or 'okay', to "
                                            "keep things moving"
                                        ),
                                        "correct": False,
                                    },
                                    {
                                        "text": "It should wait until after the problem is fixed",
                                        "correct": False,
                                    },
                                ],
                                "explanation": (
                                    "Keep it brief, then move to what you are going to do. "
                                    "Acknowledging for too long can feel like stalling and keeps "
                                    "the customer stuck in the feeling rather than moving with you "
                                    "towards a solution."
                                ),
                            },
                        ),
                        (
                            "judgement",
                            {
                                "scenario": (
                                    "Mr Ferris is angry about a string of estimated bills. You "
                                    "have acknowledged the problem and asked for a meter reading. "
                                    "He says: 'Are you thick or something? I've told you people a "
                                    "hundred times. You're all completely useless,' and swears at "
                                    "you."
                                ),
                                "prompt": "What is the best thing to say next?",
                                "skills": ["acknowledgement"],
                                "options": [
                                    {
                                        "text": (
                                            "'I can hear how fed up you are, Mr Ferris, and I want "
                                            "these estimates sorted today. But I can't carry on if "
                                            "you speak to me like that. Shall we read the meter "
                                            "together?'"
                                        ),
                                        "quality": 100,
                                    },
                                    {
                                        "text": (
                                            "'Mr Ferris, I'm not prepared to be spoken to like "
                                            "that. If it carries on, I'll end the call, and you'll "
                                            "need to ring back once you feel calmer. That's our "
                                            "policy on abusive calls.'"
                                        ),
                                        "quality": 60,
                                    },
                                    {
                                        "text": (
                                            "'Okay, no problem. So, can you read me the numbers on "
                                            "the meter, from the left?'"
                                        ),
                                        "quality": 25,
                                    },
                                    {
                                        "text": (
                                            "'There's no need for that. I'm only doing my job, and "
                                            "to be fair, if you'd sent us your readings we "
                                            "wouldn't have had to estimate.'"
                                        ),
                                        "quality": 0,
                                    },
                                ],
                                "explanation": (
                                    "Personal abuse gets a calm warning, and the best reply gives "
                                    "one while still recognising the real problem and steering "
                                    "back to fixing it. Reciting the policy on abusive calls sets "
                                    "the boundary but gives him no way forward. Carrying on as if "
                                    "nothing was said means accepting abuse, which you never have "
                                    "to do. Blaming the customer turns anger about a situation "
                                    "into a fight with you."
                                ),
                            },
                        ),
                        (
                            "multiple_response",
                            {
                                "prompt": (
                                    "Before an upset customer's call ends, what should they know? "
                                    "Choose all that apply."
                                ),
                                "skills": ["apology"],
                                "options": [
                                    {
                                        "text": "What you have already done for them on this call",
                                        "correct": True,
                                    },
                                    {
                                        "text": ("What happens next, who will do it, and when they'll hear"),
                                        "correct": True,
                                    },
                                    {
                                        "text": (
                                            "Their reference number, in case they need to contact us again"
                                        ),
                                        "correct": True,
                                    },
                                    {
                                        "text": "Which colleague or team made the original mistake",
                                        "correct": False,
                                    },
                                    {
                                        "text": (
                                            "That someone will be in touch in due course, so "
                                            "there's no need to chase"
                                        ),
                                        "correct": False,
                                    },
                                ],
                                "explanation": (
                                    "Uncertainty feeds anger, so the customer should leave knowing "
                                    "what has been done, what happens next and when, and their "
                                    "reference. Naming who got it wrong is blame, and 'someone "
                                    "will be in touch' is not precise enough to be a promise."
                                ),
                            },
                        ),
                    ],
                },
            ),
        ],
        "observation": [
            {
                "skill": "acknowledgement",
                "behaviour": ("Let an upset customer say everything once, without interrupting or defending"),
            },
            {
                "skill": "acknowledgement",
                "behaviour": (
                    "Named the specific problem and its effect on the customer before starting to fix it"
                ),
            },
            {
                "skill": "acknowledgement",
                "behaviour": (
                    "Stayed steady under pressure: slowed the pace, kept warm and gave a concrete next step"
                ),
            },
            {
                "skill": "apology",
                "behaviour": (
                    "Gave a specific apology using 'we' or 'I', with no 'but' and no 'if you feel'"
                ),
            },
            {
                "skill": "apology",
                "behaviour": "Did not blame the customer, a colleague, a contractor or the system",
            },
            {
                "skill": "apology",
                "behaviour": (
                    "Followed the apology with action and told the customer what happens next, "
                    "when and their reference"
                ),
            },
        ],
    },
    "knowing-our-policies": {
        "title": "Knowing our policies: assessment",
        "intro": (
            "Customers deserve the same correct answer whoever they speak to, so this assessment "
            "checks the numbers and steps in our refunds, complaints and vulnerable customers "
            "policies. It also asks how you would use them on real calls, explaining them in plain "
            "words rather than hiding behind them."
        ),
        "awareness_threshold": 80,
        "skill_threshold": 70,
        "skill_minimum": 50,
        "attempt_limit": 3,
        "cooldown_minutes": 60,
        "time_limit_minutes": 35,
        "questions": [
            (
                "single_choice",
                {
                    "prompt": (
                        "A customer has been without hot water for three days because we were slow "
                        "to send an engineer. You think £80 in goodwill would be fair. What should "
                        "you do?"
                    ),
                    "skills": ["policy-knowledge"],
                    "options": [
                        {
                            "text": (
                                "Apply £75 yourself, ask your team leader about the rest, and tell "
                                "the customer they'll hear within 2 working days"
                            ),
                            "correct": True,
                        },
                        {
                            "text": (
                                "Apply the full £80 yourself, as agents can approve up to £100 per contact"
                            ),
                            "correct": False,
                        },
                        {
                            "text": (
                                "Tell the customer they will get £80 and ask your team leader to "
                                "approve it afterwards"
                            ),
                            "correct": False,
                        },
                        {
                            "text": (
                                "Refer the customer to Customer Relations, because any goodwill "
                                "over £75 has to be agreed by a manager there, who decides the "
                                "amount"
                            ),
                            "correct": False,
                        },
                    ],
                    "explanation": (
                        "Agents can approve goodwill of up to £75 per contact (and no more than "
                        "£100 on one account in 12 months). Team leaders can approve up to £250, "
                        "and must decide within 2 working days. Never promise an amount you cannot "
                        "approve yourself: tell the customer who will decide, and by when."
                    ),
                },
            ),
            (
                "single_choice",
                {
                    "prompt": (
                        "Billing has confirmed that our own billing error overcharged Mrs Ilić by "
                        "£340. How much can you refund her without further approval?"
                    ),
                    "skills": ["policy-knowledge"],
                    "options": [
                        {"text": "The full £340, with no upper limit", "correct": True},
                        {"text": "£75, which is the most an agent can approve", "correct": False},
                        {"text": "£250, once a team leader approves it", "correct": False},
                        {
                            "text": "Nothing; overpayments are refunded by Customer Relations",
                            "correct": False,
                        },
                    ],
                    "explanation": (
                        "Correcting a billing error we made is not goodwill. Once Billing has "
                        "confirmed the corrected figure, any agent may refund the full "
                        "overpayment, with no upper limit. Don't make the customer ask twice."
                    ),
                },
            ),
            (
                "multiple_response",
                {
                    "prompt": ("Which of these are part of our complaints policy? Choose all that apply."),
                    "skills": ["policy-knowledge"],
                    "options": [
                        {
                            "text": (
                                "A complaint not resolved on the spot is acknowledged within 1 "
                                "working day, with a reference and the owner's name"
                            ),
                            "correct": True,
                        },
                        {
                            "text": (
                                "The owner updates the customer at least every 10 working days, "
                                "even with no news"
                            ),
                            "correct": True,
                        },
                        {
                            "text": ("A final response is sent within 8 weeks of receiving the complaint"),
                            "correct": True,
                        },
                        {
                            "text": (
                                "The customer must use the word 'complaint' before you log one, so "
                                "that everyday queries aren't logged as complaints"
                            ),
                            "correct": False,
                        },
                        {
                            "text": (
                                "A complaint you resolve during the call doesn't need to be "
                                "logged, as there's nothing left to follow up"
                            ),
                            "correct": False,
                        },
                    ],
                    "explanation": (
                        "Acknowledge within 1 working day, update at least every 10 working days "
                        "and send a final response within 8 weeks. Any dissatisfaction that "
                        "expects a response is a complaint, whatever words the customer uses, and "
                        "it is logged during the contact even if you resolve it there and then."
                    ),
                },
            ),
            (
                "true_false",
                {
                    "statement": (
                        "We never disconnect a household on the Priority Services Register because of debt."
                    ),
                    "skills": ["policy-knowledge"],
                    "answer": True,
                    "explanation": (
                        "This is a firm rule in the vulnerable customers policy. Where money is a "
                        "worry, we place a 30-day hold on debt recovery while we agree an "
                        "affordable plan."
                    ),
                },
            ),
            (
                "judgement",
                {
                    "scenario": (
                        "Mr Moriarty calls on Thursday: 'The lady I spoke to on Monday said my "
                        "refund would be in my account the next day. It's Thursday and there's "
                        "nothing. She definitely said next day.' The notes show a £64 credit "
                        "balance refund was sent to his bank account on Monday. There was no "
                        "hardship and no same-day payment was authorised."
                    ),
                    "prompt": "What is the best thing to say?",
                    "skills": ["policy-knowledge"],
                    "options": [
                        {
                            "text": (
                                "'I'm sorry you were told next day, Mr Moriarty. Your sixty-four "
                                "pounds left us on Monday, and bank refunds take up to five "
                                "working days, so it'll be with you by next Monday. I'll let the "
                                "team know.'"
                            ),
                            "quality": 100,
                        },
                        {
                            "text": (
                                "'Our records show the refund was issued on Monday, Mr Moriarty. "
                                "Under our refunds policy, payments to a bank account can take up "
                                "to five working days, so it should reach you by next Monday at "
                                "the latest.'"
                            ),
                            "quality": 60,
                        },
                        {
                            "text": (
                                "'I'm so sorry about that, Mr Moriarty, I really am. It's horrible "
                                "waiting for money. These things can take a while with the banks, "
                                "so do give it a few more days.'"
                            ),
                            "quality": 25,
                        },
                        {
                            "text": (
                                "'My colleague shouldn't have said that, Mr Moriarty, she's quite "
                                "new and still learning our timescales. Let me see if I can send "
                                "it again today as a same-day payment, so you're not left waiting "
                                "any longer.'"
                            ),
                            "quality": 0,
                        },
                    ],
                    "explanation": (
                        "The best reply apologises for the wrong timescale without criticising the "
                        "colleague, gives the policy timescale (5 working days to a bank account) "
                        "with a real date, and makes sure the team is put straight. Reading out "
                        "the policy is accurate but ignores the wrong promise he was given. "
                        "Apologising warmly and saying 'a few more days' is a guess, not a "
                        "timescale. Blaming a colleague and offering a same-day payment is the "
                        "worst: same-day payments are only for hardship caused by our error and "
                        "need a team leader, and it could pay him twice."
                    ),
                },
            ),
            (
                "judgement",
                {
                    "scenario": (
                        "Mr Bellamy is calling about a missed payment. Partway through he says: "
                        "'Things have been a bit all over the place since I lost my job in the "
                        "spring. I'll pay it, I just can't do it all this month.'"
                    ),
                    "prompt": "What is the best thing to say next?",
                    "skills": ["policy-knowledge"],
                    "options": [
                        {
                            "text": (
                                "'Thank you for telling me, Mr Bellamy; that sounds hard. Is there "
                                "anything that would make dealing with us easier? While we agree a "
                                "plan you can afford, I'll put a 30-day hold on chasing.'"
                            ),
                            "quality": 100,
                        },
                        {
                            "text": (
                                "'I'm sorry to hear that, Mr Bellamy. Let's set up a payment plan "
                                "so you can spread it over the next few months.'"
                            ),
                            "quality": 60,
                        },
                        {
                            "text": (
                                "'I understand, Mr Bellamy. I do have to tell you that under the "
                                "terms of your account the full balance is still due this month, "
                                "but I'll put a note on the account to say you'll pay it when you "
                                "can.'"
                            ),
                            "quality": 25,
                        },
                        {
                            "text": (
                                "'Right, I'm adding you to the Priority Services Register as "
                                "financially vulnerable, and I'll note your job loss on the "
                                "account, so that all the other teams know your situation straight "
                                "away.'"
                            ),
                            "quality": 0,
                        },
                    ],
                    "explanation": (
                        "A job loss and money worries are signs of vulnerable circumstances. The "
                        "best reply recognises it, asks the policy's open question and offers the "
                        "30-day hold on debt recovery while an affordable plan is agreed. Going "
                        "straight to a payment plan is helpful but skips the question and the "
                        "hold. Quoting the account terms leaves him facing a bill he has said he "
                        "can't pay. Registering him and recording his job loss without asking is "
                        "never allowed: the policy needs his consent."
                    ),
                },
            ),
            (
                "sequencing",
                {
                    "prompt": (
                        "A customer makes a complaint that can't be resolved by the end of the "
                        "next working day. Put these steps in order."
                    ),
                    "skills": ["policy-knowledge"],
                    "steps": [
                        (
                            "Log the complaint during the contact, in the customer's own words, "
                            "with what they would like to happen"
                        ),
                        ("Acknowledge it within 1 working day, with a reference number and the owner's name"),
                        ("Update the customer at least every 10 working days, even if there's no news"),
                        ("Send a final response within 8 weeks, explaining the right to go to the ombudsman"),
                        (
                            "If the customer is still unhappy, they may take it to the independent "
                            "ombudsman, free of charge"
                        ),
                    ],
                    "explanation": (
                        "Log during the contact, acknowledge within 1 working day, update at least "
                        "every 10 working days, and send a final response within 8 weeks. The "
                        "ombudsman comes after our final response, or sooner if we have not "
                        "resolved it within 8 weeks."
                    ),
                },
            ),
            (
                "written",
                {
                    "scenario": (
                        "Mrs Eleanor Whitcombe calls. Her son Nathan has been ringing about her "
                        "account while she is in and out of hospital. She says: 'Last week the "
                        "young man Nathan spoke to said he couldn't discuss my account with him at "
                        "all. The week before, another girl had told him it was fine. Which is it? "
                        "I can't keep ringing you myself, I'm in and out of hospital.'"
                    ),
                    "prompt": (
                        "Write what you would say to Mrs Whitcombe. You can offer anything the "
                        "vulnerable customers policy allows."
                    ),
                    "skills": ["policy-knowledge"],
                    "points": 2,
                    "rubric": [
                        {
                            "criterion": "Owns the mixed message",
                            "description": (
                                "Full marks: apologises for the two different answers without "
                                "criticising either colleague, and says you will make sure the "
                                "team is given the right answer."
                            ),
                            "points": 2,
                        },
                        {
                            "criterion": "Correct policy, with the reason",
                            "description": (
                                "Full marks: offers to set Nathan up as her nominated person to "
                                "deal with us on her behalf, with her agreement, and explains in "
                                "plain words why we do it this way."
                            ),
                            "points": 3,
                        },
                        {
                            "criterion": "Support offered with consent",
                            "description": (
                                "Full marks: asks whether anything else would make it easier, and "
                                "offers the Priority Services Register, asking her consent before "
                                "recording anything."
                            ),
                            "points": 2,
                        },
                        {
                            "criterion": "Clear next step",
                            "description": (
                                "Full marks: tells her exactly what you are doing now and what happens next."
                            ),
                            "points": 1,
                        },
                    ],
                    "model_answer": (
                        "I'm sorry, Mrs Whitcombe. Nathan was given two different answers, and "
                        "that isn't fair on either of you when you've got so much else going on. "
                        "The simplest way to make sure Nathan can always help is to set him up as "
                        "your nominated person, so he can deal with us on your behalf. We ask for "
                        "your agreement first because it protects your account: we only discuss it "
                        "with people you've chosen. Would you like me to do that now? I'd also "
                        "like to ask whether there's anything else that would make things easier "
                        "while you're in and out of hospital. With your permission, I can add you "
                        "to our Priority Services Register, which gives you extra support, such as "
                        "advance notice if we ever have to turn the supply off. And I'll let my "
                        "team leader know about the mixed answers, so everyone gives Nathan the "
                        "same one from now on."
                    ),
                    "explanation": (
                        "A strong answer clears up the confusion without blaming anyone, offers "
                        "the right support from the policy, explains the reason instead of 'that's "
                        "the policy', and asks for consent before anything is recorded."
                    ),
                },
            ),
            (
                "pool",
                {
                    "title": "Policy details",
                    "draw": 2,
                    "questions": [
                        (
                            "single_choice",
                            {
                                "prompt": (
                                    "A customer wants their credit balance refunded to their debit "
                                    "card. How soon must it be sent?"
                                ),
                                "skills": ["policy-knowledge"],
                                "options": [
                                    {"text": "10 working days", "correct": True},
                                    {"text": "5 working days", "correct": False},
                                    {"text": "2 working days", "correct": False},
                                    {"text": "30 calendar days", "correct": False},
                                ],
                                "explanation": (
                                    "Refunds go within 5 working days to the bank account the "
                                    "customer pays from, or within 10 working days to a debit or "
                                    "credit card. A cheque is posted within 10 working days."
                                ),
                            },
                        ),
                        (
                            "true_false",
                            {
                                "statement": (
                                    "If we haven't resolved a complaint within 8 weeks, the "
                                    "customer can take it to the ombudsman without waiting for our "
                                    "final response."
                                ),
                                "skills": ["policy-knowledge"],
                                "answer": True,
                                "explanation": (
                                    "The final response is due within 8 weeks. If we haven't "
                                    "resolved the complaint by then, the customer may go to the "
                                    "independent ombudsman straight away, free of charge."
                                ),
                            },
                        ),
                        (
                            "judgement",
                            {
                                "scenario": (
                                    "Ms Farouk calls: 'The power's gone off in our whole street, "
                                    "and my son's on a home ventilator. It's running on its "
                                    "battery, but I don't know how long that will last.'"
                                ),
                                "prompt": "What is the best thing to say next?",
                                "skills": ["policy-knowledge"],
                                "options": [
                                    {
                                        "text": (
                                            "'I'm treating this as an emergency, Ms Farouk. I'll "
                                            "put you through to our Emergency team now and stay on "
                                            "the line, so you won't have to explain again. Is that "
                                            "alright?'"
                                        ),
                                        "quality": 100,
                                    },
                                    {
                                        "text": (
                                            "'That must be frightening, Ms Farouk. Can I take your "
                                            "postcode so I can check the outage first, before I "
                                            "put you through to the Emergency team?'"
                                        ),
                                        "quality": 60,
                                    },
                                    {
                                        "text": (
                                            "'That's an emergency, Ms Farouk, so please hang up "
                                            "and ring our emergency number straight away. It's on "
                                            "the back of your bill, and they're there day and "
                                            "night, so they'll help you right away.'"
                                        ),
                                        "quality": 25,
                                    },
                                    {
                                        "text": (
                                            "'I'm so sorry to hear that, Ms Farouk. I'll pass your "
                                            "details to our Extra Care team, who look after "
                                            "customers with medical needs, and someone will call "
                                            "you back later today.'"
                                        ),
                                        "quality": 0,
                                    },
                                ],
                                "explanation": (
                                    "Medical equipment plus lost supply is always an emergency: "
                                    "stay on the line and transfer warmly to the Emergency team. "
                                    "Checking the outage first gets her to the right team but "
                                    "wastes time. Asking her to ring another number breaks the "
                                    "rule that she is never asked to call back. A same-day "
                                    "referral to Extra Care is for urgent cases that are not "
                                    "emergencies, and waiting for a call-back could put her son at "
                                    "risk."
                                ),
                            },
                        ),
                        (
                            "multiple_response",
                            {
                                "prompt": (
                                    "Which of these services can we offer a customer in vulnerable "
                                    "circumstances, with their consent? Choose all that apply."
                                ),
                                "skills": ["policy-knowledge"],
                                "options": [
                                    {
                                        "text": ("A nominated person to deal with us on their behalf"),
                                        "correct": True,
                                    },
                                    {
                                        "text": "Bills in large print, braille or audio",
                                        "correct": True,
                                    },
                                    {
                                        "text": "Advance notice of planned supply interruptions",
                                        "correct": True,
                                    },
                                    {
                                        "text": (
                                            "An automatic £50 goodwill credit on joining the "
                                            "Priority Services Register"
                                        ),
                                        "correct": False,
                                    },
                                    {
                                        "text": "Writing off any debt on the account",
                                        "correct": False,
                                    },
                                ],
                                "explanation": (
                                    "The policy lists a nominated person, bills in accessible "
                                    "formats, a password scheme for home visits and advance notice "
                                    "of planned interruptions. Joining the register does not bring "
                                    "a credit or a debt write-off; where money is a worry, we "
                                    "place a 30-day hold on recovery while we agree an affordable "
                                    "plan."
                                ),
                            },
                        ),
                    ],
                },
            ),
        ],
        "observation": [
            {
                "skill": "policy-knowledge",
                "behaviour": (
                    "Gave amounts and timescales that match the policy, for example 5 working days "
                    "to a bank account"
                ),
            },
            {
                "skill": "policy-knowledge",
                "behaviour": (
                    "Stayed within their own approval limit and told the customer who would decide "
                    "anything above it, and by when"
                ),
            },
            {
                "skill": "policy-knowledge",
                "behaviour": (
                    "Explained the reason behind a policy in plain words instead of 'that's the policy'"
                ),
            },
            {
                "skill": "policy-knowledge",
                "behaviour": ("Recognised dissatisfaction as a complaint and logged it during the contact"),
            },
            {
                "skill": "policy-knowledge",
                "behaviour": (
                    "Noticed a sign of vulnerability, asked gently, and got consent before recording anything"
                ),
            },
        ],
    },
    "first-contact-resolution": {
        "title": "First-contact resolution: assessment",
        "intro": (
            "This assessment checks that you know what you can resolve yourself and what the "
            "transfer rules are, and that you can actually keep a customer's issue with you on a "
            "real call. When a transfer is genuinely needed, you'll be asked to show how to make "
            "it warm."
        ),
        "awareness_threshold": 75,
        "skill_threshold": 70,
        "skill_minimum": 50,
        "attempt_limit": 3,
        "cooldown_minutes": 60,
        "time_limit_minutes": 35,
        "questions": [
            (
                "single_choice",
                {
                    "prompt": "How does Brightwater measure first-contact resolution?",
                    "skills": ["first-contact-resolution"],
                    "options": [
                        {
                            "text": (
                                "Repeat contacts about the same issue within 7 days, and transfers "
                                "per contact"
                            ),
                            "correct": True,
                        },
                        {
                            "text": (
                                "How quickly each call is answered, and how few callers hang up "
                                "while they wait"
                            ),
                            "correct": False,
                        },
                        {
                            "text": ("The number of complaints logged against each agent, per hundred calls"),
                            "correct": False,
                        },
                        {
                            "text": (
                                "Average handling time: the shorter the call, the sooner the "
                                "customer's issue is resolved"
                            ),
                            "correct": False,
                        },
                    ],
                    "explanation": (
                        "We look at repeat contacts within 7 days and the number of transfers, and "
                        "team leaders listen to real calls, because the numbers alone never show "
                        "why a customer had to call back."
                    ),
                },
            ),
            (
                "single_choice",
                {
                    "prompt": (
                        "You are making a warm transfer to the Metering team, and they haven't "
                        "answered after 3 minutes. What should you do?"
                    ),
                    "skills": ["policy-knowledge", "first-contact-resolution"],
                    "options": [
                        {
                            "text": (
                                "Offer a call-back in a window of up to 2 hours, log it, and say "
                                "who will call"
                            ),
                            "correct": True,
                        },
                        {
                            "text": (
                                "Keep holding until someone answers, however long it takes, so the "
                                "transfer stays warm"
                            ),
                            "correct": False,
                        },
                        {
                            "text": (
                                "Put the customer into the Metering queue and end your part of the call"
                            ),
                            "correct": False,
                        },
                        {
                            "text": (
                                "Give the customer Metering's direct number, so they can ring at a "
                                "quieter time"
                            ),
                            "correct": False,
                        },
                    ],
                    "explanation": (
                        "After 3 minutes, don't leave the customer holding: offer a call-back "
                        "instead. Agree a window of no more than 2 hours, log it and say who will "
                        "call. Putting the customer in a queue is a cold transfer, and handing "
                        "them a number passes the problem back to them."
                    ),
                },
            ),
            (
                "multiple_response",
                {
                    "prompt": (
                        "Which of these can an agent do without transferring the call? Choose all that apply."
                    ),
                    "skills": ["first-contact-resolution", "policy-knowledge"],
                    "options": [
                        {
                            "text": "Set up a 9-month payment plan for a customer who is behind",
                            "correct": True,
                        },
                        {
                            "text": (
                                "Refund an overpayment from our billing error, once Billing confirms it"
                            ),
                            "correct": True,
                        },
                        {
                            "text": ("Correct a meter reading that was entered wrongly on the account"),
                            "correct": True,
                        },
                        {
                            "text": (
                                "Book a meter exchange for a customer whose old meter has stopped recording"
                            ),
                            "correct": False,
                        },
                        {
                            "text": (
                                "Close a bereaved customer's account, once the family has sent the "
                                "death certificate"
                            ),
                            "correct": False,
                        },
                    ],
                    "explanation": (
                        "Agents can correct readings, change payment amounts, set up payment plans "
                        "of up to 12 months, refund our billing errors and approve goodwill up to "
                        "£50. Booking a meter exchange and closing a bereaved customer's account "
                        "need another team, so those are genuine reasons for a warm transfer."
                    ),
                },
            ),
            (
                "true_false",
                {
                    "statement": (
                        "If a customer you received as a transfer needs to go to another team, you "
                        "may transfer them again, as long as it is a warm transfer."
                    ),
                    "skills": ["policy-knowledge"],
                    "answer": False,
                    "explanation": (
                        "A customer is transferred no more than once in a contact. If a second "
                        "transfer seems necessary, speak to your team leader first."
                    ),
                },
            ),
            (
                "judgement",
                {
                    "scenario": (
                        "Mrs Pryce calls: 'I've had my first bill since you fitted the new meter. "
                        "It's got readings from both meters on it and the totals don't add up. Can "
                        "you explain it?' You haven't seen a bill with a meter exchange on it "
                        "before."
                    ),
                    "prompt": "What is the best thing to say next?",
                    "skills": ["first-contact-resolution"],
                    "options": [
                        {
                            "text": (
                                "'I can see why that's confusing, Mrs Pryce. I haven't seen one "
                                "like this, so I'll ask a colleague. May I put you on hold for up "
                                "to two minutes?'"
                            ),
                            "quality": 100,
                        },
                        {
                            "text": (
                                "'Let me have a look for you, Mrs Pryce. Bear with me a moment "
                                "while I go through the readings from both meters and try to work "
                                "out what's happened.'"
                            ),
                            "quality": 60,
                        },
                        {
                            "text": (
                                "'Bills after a meter exchange are worked out by our Metering "
                                "team, so they're best placed to explain it. Can I take a number "
                                "and ask them to give you a call back today?'"
                            ),
                            "quality": 25,
                        },
                        {
                            "text": (
                                "'Bills with two meters on them are always complicated, so that'll "
                                "be Metering. I'll put you through to their queue now, and they'll "
                                "explain it all.'"
                            ),
                            "quality": 0,
                        },
                    ],
                    "explanation": (
                        "Owning a contact doesn't mean knowing every answer. The best reply is "
                        "honest, asks a colleague for guidance while keeping the customer, and "
                        "gives a hold time. 'Bear with me' keeps ownership but gives no time. The "
                        "call-back passes on a problem the agent could solve. Putting her into "
                        "Metering's queue is a cold transfer, which is never allowed."
                    ),
                },
            ),
            (
                "judgement",
                {
                    "scenario": (
                        "Mr Tariq Hussain's mother died last week and he wants to close her "
                        "account. Only the Bereavement team can close a bereaved customer's "
                        "account. You have taken his details and noted them on the account."
                    ),
                    "prompt": "What is the best thing to say to Mr Hussain now?",
                    "skills": ["first-contact-resolution", "policy-knowledge"],
                    "options": [
                        {
                            "text": (
                                "'Closing your mother's account is done by our Bereavement team, "
                                "who make sure everything is settled properly. May I put you "
                                "through, Mr Hussain? I'll stay on and explain, so you needn't "
                                "repeat anything.'"
                            ),
                            "quality": 100,
                        },
                        {
                            "text": (
                                "'Our Bereavement team deals with this, Mr Hussain, so I'll put "
                                "you through to them now.'"
                            ),
                            "quality": 60,
                        },
                        {
                            "text": (
                                "'I'm so sorry for your loss, Mr Hussain, and there's no rush at "
                                "all with any of this. You'll need our Bereavement team, so I'll "
                                "give you their direct number, and you can call them whenever you "
                                "feel ready.'"
                            ),
                            "quality": 25,
                        },
                        {
                            "text": (
                                "'I'll pop you into the Bereavement queue now, Mr Hussain. It's "
                                "quite busy today, but they'll pick up as soon as they can and "
                                "sort it all out for you.'"
                            ),
                            "quality": 0,
                        },
                    ],
                    "explanation": (
                        "This is a genuine reason to transfer, so it must be warm: explain why, "
                        "say who, ask permission and stay on the line. Putting him straight "
                        "through is honest but doesn't ask or promise to stay on. Giving a number, "
                        "however kindly, asks a grieving customer to start again on another call. "
                        "Dropping him into a queue is a cold transfer."
                    ),
                },
            ),
            (
                "sequencing",
                {
                    "prompt": "Put the steps of a warm transfer in the correct order.",
                    "skills": ["policy-knowledge", "first-contact-resolution"],
                    "steps": [
                        "Check the routing guide so the transfer reaches the right team first time",
                        (
                            "Explain why you're transferring and who they'll speak to, and ask if "
                            "that's alright"
                        ),
                        "Stay on the line until a colleague answers",
                        (
                            "Introduce the customer by name and title, and summarise the issue, "
                            "what you've done and what they want"
                        ),
                        "Check your colleague has everything they need",
                        "Tell the customer you're handing over, and say goodbye",
                    ],
                    "explanation": (
                        "Check the routing guide first, then explain and ask, stay on, introduce "
                        "and summarise, and leave only when your colleague confirms they have "
                        "everything. Done this way, the customer never has to repeat their story."
                    ),
                },
            ),
            (
                "written",
                {
                    "scenario": (
                        "You've helped Ms Imogen Barker, whose direct debit was set far too high "
                        "from a wrong usage estimate. You have reduced it from £118 to £54 a "
                        "month, starting with the collection on the 1st of next month, and a "
                        "confirmation email goes out within the hour. Billing has confirmed a £96 "
                        "overpayment caused by our error, and she wants it refunded to the bank "
                        "account she pays from. Her online account may show the old amount for a "
                        "day or two."
                    ),
                    "prompt": (
                        "Write what you would say to close the call, so that Ms Barker has no "
                        "reason to contact us again about this."
                    ),
                    "skills": ["first-contact-resolution"],
                    "points": 2,
                    "rubric": [
                        {
                            "criterion": "Confirms the outcome",
                            "description": (
                                "Full marks: states the new £54 payment clearly and asks whether "
                                "that sorts things out for her."
                            ),
                            "points": 2,
                        },
                        {
                            "criterion": "What happens next, when and how",
                            "description": (
                                "Full marks: the £96 refund to her bank account within 5 working "
                                "days, the first £54 collection on the 1st, and the confirmation "
                                "email within the hour."
                            ),
                            "points": 3,
                        },
                        {
                            "criterion": "Answers tomorrow's question",
                            "description": (
                                "Full marks: warns that the online account may show the old amount "
                                "for a day or two, so she isn't alarmed by it."
                            ),
                            "points": 2,
                        },
                        {
                            "criterion": "Genuine close",
                            "description": (
                                "Full marks: asks if there is anything else and leaves room for an "
                                "answer; uses her name naturally."
                            ),
                            "points": 1,
                        },
                    ],
                    "model_answer": (
                        "Ms Barker, before we finish, let me go over everything. Your direct debit "
                        "is now fifty-four pounds a month instead of a hundred and eighteen, "
                        "starting with the collection on the 1st of next month, and you'll get an "
                        "email confirming that within the hour. The ninety-six pounds we "
                        "overcharged goes back to the bank account you pay from within five "
                        "working days. Your online account might still show the old amount for a "
                        "day or two while it updates, so please don't worry if you see it. Does "
                        "that sort everything out for you? And is there anything else I can help "
                        "with today?"
                    ),
                    "explanation": (
                        "A strong close confirms the outcome, says what happens next with dates, "
                        "and answers the question she would otherwise ring about tomorrow. Leaving "
                        "out the online display is exactly the kind of missing sentence that "
                        "causes a repeat contact."
                    ),
                },
            ),
            (
                "pool",
                {
                    "title": "Owning the contact",
                    "draw": 2,
                    "questions": [
                        (
                            "true_false",
                            {
                                "statement": ("Owning a contact means you must know every answer yourself."),
                                "skills": ["first-contact-resolution"],
                                "answer": False,
                                "explanation": (
                                    "Owning a contact means taking responsibility for getting the "
                                    "issue resolved. You can put the customer on a short, honest "
                                    "hold, or ask a colleague for guidance while you keep the "
                                    "call."
                                ),
                            },
                        ),
                        (
                            "single_choice",
                            {
                                "prompt": (
                                    "Which of these is a reason our call transfers policy allows a transfer?"
                                ),
                                "skills": ["policy-knowledge"],
                                "options": [
                                    {
                                        "text": (
                                            "The customer relies on medical equipment and has no supply"
                                        ),
                                        "correct": True,
                                    },
                                    {
                                        "text": (
                                            "The customer is angry and a colleague might handle them better"
                                        ),
                                        "correct": False,
                                    },
                                    {
                                        "text": (
                                            "It's a direct debit query, and you usually send those "
                                            "to Payments"
                                        ),
                                        "correct": False,
                                    },
                                    {
                                        "text": ("The call is running long and the queue is building"),
                                        "correct": False,
                                    },
                                ],
                                "explanation": (
                                    "Transfers are allowed when another team must act and you "
                                    "can't, in an emergency, or when the customer asks for someone "
                                    "else after you have offered to help. An emergency like this "
                                    "goes to the Emergency team at once."
                                ),
                            },
                        ),
                        (
                            "judgement",
                            {
                                "scenario": (
                                    "At 10:30 you agreed a call-back for Mr Kelly from the "
                                    "Metering team between 2pm and 4pm today. At 1:15 Metering "
                                    "tell you nobody can call him until tomorrow morning. You ring "
                                    "Mr Kelly straight away."
                                ),
                                "prompt": "What is the best thing to say to him?",
                                "skills": ["first-contact-resolution"],
                                "options": [
                                    {
                                        "text": (
                                            "'Mr Kelly, it's Jo. I promised you Metering would "
                                            "call between two and four today, and I'm sorry, they "
                                            "can't. Could they ring tomorrow between nine and "
                                            "eleven, or would another time suit?'"
                                        ),
                                        "quality": 100,
                                    },
                                    {
                                        "text": (
                                            "'Mr Kelly, it's Jo from Brightwater, just letting you "
                                            "know that Metering won't be able to call you this "
                                            "afternoon after all. They'll give you a ring at some "
                                            "point tomorrow instead, if that's okay.'"
                                        ),
                                        "quality": 60,
                                    },
                                    {
                                        "text": (
                                            "'Mr Kelly, Metering are busier than expected. Could "
                                            "you ring them yourself tomorrow morning? The number's "
                                            "on our website.'"
                                        ),
                                        "quality": 25,
                                    },
                                    {
                                        "text": (
                                            "'Mr Kelly, it's Jo. Metering are stretched today, but "
                                            "I've asked them to squeeze you in, so I'm sure "
                                            "they'll still call this afternoon. Keep your phone "
                                            "handy.'"
                                        ),
                                        "quality": 0,
                                    },
                                ],
                                "explanation": (
                                    "A call-back is a promise. If it can't be kept, contact the "
                                    "customer before the window starts, apologise and agree a new "
                                    "window of no more than 2 hours. Ringing to say 'some point "
                                    "tomorrow' is in time but gives no apology and no window. "
                                    "Asking him to ring himself hands the problem back. Keeping "
                                    "him waiting on a hope sets up a missed call-back, one of the "
                                    "commonest reasons for a complaint."
                                ),
                            },
                        ),
                        (
                            "multiple_response",
                            {
                                "prompt": (
                                    "Before you close a contact, which of these help make sure the "
                                    "customer won't need to contact us again? Choose all that "
                                    "apply."
                                ),
                                "skills": ["first-contact-resolution"],
                                "options": [
                                    {
                                        "text": ("Confirm the outcome and ask whether it sorts things out"),
                                        "correct": True,
                                    },
                                    {
                                        "text": (
                                            "Tell them about anything that will happen after the "
                                            "call, and when"
                                        ),
                                        "correct": True,
                                    },
                                    {
                                        "text": ("Write notes a colleague could understand in ten seconds"),
                                        "correct": True,
                                    },
                                    {
                                        "text": (
                                            "Leave out refund timescales, in case they change "
                                            "before the refund is made"
                                        ),
                                        "correct": False,
                                    },
                                    {
                                        "text": (
                                            "Ask 'anything else?' quickly as you wrap up, to keep "
                                            "the call short"
                                        ),
                                        "correct": False,
                                    },
                                ],
                                "explanation": (
                                    "Confirm, recap what happens next and when, and leave clear "
                                    "notes. Timescales are exactly what customers ring back about, "
                                    "so give the policy ones. 'Anything else?' is a real question, "
                                    "not a way of ending the call."
                                ),
                            },
                        ),
                    ],
                },
            ),
        ],
        "observation": [
            {
                "skill": "first-contact-resolution",
                "behaviour": "Took ownership from the start ('I'll find out', not 'that's not us')",
            },
            {
                "skill": "first-contact-resolution",
                "behaviour": (
                    "Resolved the issue themselves wherever they had the access and authority to do so"
                ),
            },
            {
                "skill": "first-contact-resolution",
                "behaviour": ("Asked before putting the customer on hold, gave a time and kept to it"),
            },
            {
                "skill": "policy-knowledge",
                "behaviour": (
                    "Transferred only for an allowed reason, and made it warm: explained, asked, "
                    "stayed on the line, introduced the customer by name and title and summarised"
                ),
            },
            {
                "skill": "first-contact-resolution",
                "behaviour": (
                    "Confirmed the outcome, recapped what happens next and when, and answered "
                    "tomorrow's question"
                ),
            },
            {
                "skill": "first-contact-resolution",
                "behaviour": "Left account notes a colleague could understand in ten seconds",
            },
        ],
    },
    "leading-a-service-team": {
        "title": "Leading a service team: assessment",
        "intro": (
            "This assessment is for team leaders. It checks what you know about leading first, "
            "huddles, observation and fair sign-off, and it asks how you would handle real "
            "coaching moments with your agents. As with your team's assessments, knowing the "
            "answer and doing it are marked separately."
        ),
        "awareness_threshold": 80,
        "skill_threshold": 75,
        "skill_minimum": 60,
        "attempt_limit": 3,
        "cooldown_minutes": 120,
        "time_limit_minutes": 40,
        "questions": [
            (
                "single_choice",
                {
                    "prompt": "Why are most Frontline courses marked 'leaders first'?",
                    "skills": ["leading"],
                    "options": [
                        {
                            "text": (
                                "So leaders can answer their team's questions, and every leader "
                                "gives the same answer"
                            ),
                            "correct": True,
                        },
                        {
                            "text": (
                                "So that leaders can set the assessment questions for their team, "
                                "based on what they found hard"
                            ),
                            "correct": False,
                        },
                        {
                            "text": ("Because leaders' results count towards the team's certification rate"),
                            "correct": False,
                        },
                        {
                            "text": (
                                "So that leaders don't need a practical observation themselves, "
                                "having already passed the course"
                            ),
                            "correct": False,
                        },
                    ],
                    "explanation": (
                        "Leaders certify first so they are the reliable answer. When leaders "
                        "aren't first, agents get uncertain answers, stop asking and go round "
                        "their leader, and mixed messages spread."
                    ),
                },
            ),
            (
                "single_choice",
                {
                    "prompt": "How many main messages should a huddle have?",
                    "skills": ["leading"],
                    "options": [
                        {"text": "One, so that everyone remembers it", "correct": True},
                        {"text": "Two or three, so it's worth everyone's time", "correct": False},
                        {
                            "text": "Three: one each on policy, process and behaviour",
                            "correct": False,
                        },
                        {"text": "As many as have come up since the last huddle", "correct": False},
                    ],
                    "explanation": (
                        "Ten minutes, standing up, one message: one thing you want the team to do "
                        "differently or better, shown with a real example and ending with "
                        "something to try today."
                    ),
                },
            ),
            (
                "multiple_response",
                {
                    "prompt": (
                        "Which of these are part of fair sign-off of a practical observation? "
                        "Choose all that apply."
                    ),
                    "skills": ["leading"],
                    "options": [
                        {
                            "text": (
                                "Use the same criteria for your most experienced agent and your "
                                "newest starter"
                            ),
                            "correct": True,
                        },
                        {
                            "text": ("Base the decision on at least two real contacts, noting what you saw"),
                            "correct": True,
                        },
                        {
                            "text": ("Tell the agent why, with examples, whether or not you sign off"),
                            "correct": True,
                        },
                        {
                            "text": (
                                "Sign off an agent who is nearly there when the team's rate is "
                                "being reported, and coach the rest later"
                            ),
                            "correct": False,
                        },
                        {
                            "text": "Go with your general sense of who is a strong performer",
                            "correct": False,
                        },
                    ],
                    "explanation": (
                        "Fair sign-off means one standard for everyone, evidence from at least two "
                        "real contacts, and an explanation either way. Signing off to keep the "
                        "numbers up, or on general impressions, makes the certification mean "
                        "nothing."
                    ),
                },
            ),
            (
                "true_false",
                {
                    "statement": (
                        "A 'not yet' on a practical observation counts as a fail, and the agent "
                        "must retake the course before they can be observed again."
                    ),
                    "skills": ["leading"],
                    "answer": False,
                    "explanation": (
                        "'Not yet' is not failed. Give specific feedback, agree one or two things "
                        "to practise and book another observation, usually within two weeks."
                    ),
                },
            ),
            (
                "judgement",
                {
                    "scenario": (
                        "Callum, one of your agents, passed Knowing our policies with full marks, "
                        "but on both calls you listened to this week, angry customers got angrier. "
                        "At 0:18 on one, Mr Okoro said he'd had no heating for three days with his "
                        "elderly father staying, and Callum replied: 'Can I take the account "
                        "number, please?' You ask how he thinks the call went. He says: 'Fine. I "
                        "told him exactly what the policy says. He just wanted to shout.'"
                    ),
                    "prompt": "What is the best thing to say to Callum next?",
                    "skills": ["leading"],
                    "options": [
                        {
                            "text": (
                                "'Your policy was spot on, Callum. At eighteen seconds he told you "
                                "about three days without heating, with his dad staying, and you "
                                "asked for the account number. What did he need to hear?'"
                            ),
                            "quality": 100,
                        },
                        {
                            "text": (
                                "'Your policy knowledge is great, Callum, honestly one of the best "
                                "on the team. The thing to work on is acknowledging how customers "
                                "feel before you get into the detail. Try to do that on every call "
                                "this week.'"
                            ),
                            "quality": 60,
                        },
                        {
                            "text": (
                                "'You need to be more empathetic with angry callers, Callum. "
                                "Customers can tell when you're just reading out the policy. Have "
                                "another look at the acknowledgement course this week, and we'll "
                                "see.'"
                            ),
                            "quality": 25,
                        },
                        {
                            "text": (
                                "'Don't worry about it, Callum. Some customers just want to shout, "
                                "whatever you say to them. You told him exactly what the policy "
                                "says, and that's what matters. He'll calm down once it's fixed.'"
                            ),
                            "quality": 0,
                        },
                    ],
                    "explanation": (
                        "Callum is educated but not yet skilled at staying steady. The best reply "
                        "praises specific good practice, points to an exact moment and lets him "
                        "find the improvement himself. Telling him to acknowledge feelings is the "
                        "right idea but general, with no moment to point to and no follow-up. 'Be "
                        "more empathetic' gives him nothing to do differently. Reassuring him that "
                        "the call was fine confirms the gap, and the next caller gets the same "
                        "treatment."
                    ),
                },
            ),
            (
                "judgement",
                {
                    "scenario": (
                        "Femi, one of your agents, asks you in front of two colleagues: 'Ben on "
                        "the late shift says we can give up to a hundred pounds goodwill ourselves "
                        "if the customer's had a really bad time. You said fifty. Which is it?'"
                    ),
                    "prompt": "What is the best thing to say?",
                    "skills": ["leading"],
                    "options": [
                        {
                            "text": (
                                "'Good question. It's fifty per contact, and no more than a "
                                "hundred on one account in twelve months; above fifty comes to a "
                                "leader. I'll talk to Ben today, and we'll cover it at tomorrow's "
                                "huddle.'"
                            ),
                            "quality": 100,
                        },
                        {
                            "text": (
                                "'It's fifty. Anything more than that, bring it to me or whoever's on shift.'"
                            ),
                            "quality": 60,
                        },
                        {
                            "text": (
                                "'Good question, and I'm honestly not sure now; it might have "
                                "changed since I last looked. Have a look at the policy panel on "
                                "the intranet, go with whatever that says, and let the rest of the "
                                "team know what you find.'"
                            ),
                            "quality": 25,
                        },
                        {
                            "text": (
                                "'Ben's been here a lot longer than me, so if he says a hundred, "
                                "that's probably fine on his shifts. On mine, stick to fifty, just "
                                "to be safe.'"
                            ),
                            "quality": 0,
                        },
                    ],
                    "explanation": (
                        "The best reply gives the answer the refunds policy gives, clears up the "
                        "mixed message with the other leader, and uses the huddle to put the whole "
                        "team straight. 'It's fifty' is right but leaves Ben's version in "
                        "circulation. Goodwill limits are something every leader should know by "
                        "heart, so sending Femi to look it up weakens trust. Letting the answer "
                        "depend on who is on shift is exactly how mixed messages spread."
                    ),
                },
            ),
            (
                "sequencing",
                {
                    "prompt": "Put these steps for observing a call and giving feedback in order.",
                    "skills": ["leading"],
                    "steps": [
                        "Listen to the whole call, noting what was said and when",
                        "Ask the agent how they think the call went",
                        "Name specific good practice, and mean it",
                        "Point to one exact moment in the call and agree one thing to work on",
                        "Agree when you will listen again",
                    ],
                    "explanation": (
                        "Evidence first, then ask before you tell, specific praise, one change "
                        "pinned to a moment, and a date to follow up. Feedback without a follow-up "
                        "is just another message said once."
                    ),
                },
            ),
            (
                "written",
                {
                    "scenario": (
                        "You listened to Shannon's call with Mr Vickers, whose final bill and "
                        "reminders went to his old flat. Your notes: 0:05 greeted him as Mr "
                        "Vickers, matching the account. 0:40 he said 'My old landlord rang me "
                        "about your red letters. He thinks I'm a bad payer now'; Shannon replied, "
                        "'Okay, what's the new address?' 2:10 specific apology, no 'but'. 3:30 "
                        "updated the address, resent the bill and logged a complaint. 4:15 closed "
                        "with 'Someone will be in touch about the complaint.' When you ask how it "
                        "went, Shannon says: 'Fine. I fixed it.'"
                    ),
                    "prompt": ("Write what you would say to Shannon next, as your feedback on this call."),
                    "skills": ["leading"],
                    "points": 2,
                    "rubric": [
                        {
                            "criterion": "Specific praise",
                            "description": (
                                "Full marks: names at least two pieces of good practice with "
                                "evidence from the notes, such as the apology at 2:10 or fixing "
                                "everything in one contact."
                            ),
                            "points": 2,
                        },
                        {
                            "criterion": "One improvement, pinned to a moment",
                            "description": (
                                "Full marks: chooses one thing only (the missed acknowledgement at "
                                "0:40 or the vague close at 4:15), describes what happened and "
                                "suggests what to say instead."
                            ),
                            "points": 3,
                        },
                        {
                            "criterion": "Coaching, not telling",
                            "description": (
                                "Full marks: includes a question that lets Shannon think it "
                                "through, rather than only giving instructions."
                            ),
                            "points": 1,
                        },
                        {
                            "criterion": "Follow-up agreed",
                            "description": (
                                "Full marks: sets a specific time to listen to Shannon's calls again."
                            ),
                            "points": 2,
                        },
                    ],
                    "model_answer": (
                        "You did fix it, Shannon, and in one call: you updated the address, resent "
                        "the bill and logged the complaint, so Mr Vickers won't need to ring "
                        "again. Your apology at about two minutes was spot on too: specific, and "
                        "no 'but'. One moment I'd like to look at: about forty seconds in, he said "
                        "his old landlord had rung him about our red letters and now thinks he's a "
                        "bad payer, and you went straight to the new address. How do you think he "
                        "was feeling right then? Next time, try naming it back first, something "
                        "like, 'Having your old landlord ring you about letters like that must "
                        "have been embarrassing,' and then ask for the address. It only takes a "
                        "sentence. Let's focus on just that this week, and I'll listen to a couple "
                        "of your calls on Thursday afternoon."
                    ),
                    "explanation": (
                        "Good feedback starts from what went well, with evidence, then picks one "
                        "change, tied to a real moment, with words the agent can use. Trying to "
                        "fix both the acknowledgement and the close at once dilutes the message; "
                        "the close can be next week's focus."
                    ),
                },
            ),
            (
                "pool",
                {
                    "title": "Coaching and sign-off",
                    "draw": 2,
                    "questions": [
                        (
                            "judgement",
                            {
                                "scenario": (
                                    "It's the last day of the month, and your team's certification "
                                    "rate goes to the operations meeting tomorrow. You have "
                                    "observed two of Marek's calls for Active listening. He was "
                                    "warm and accurate on both, but on both he interrupted the "
                                    "customer within the first fifteen seconds, and on the second "
                                    "that's how he missed that the customer's meter had been "
                                    "replaced. Marek asks: 'So, am I signed off?'"
                                ),
                                "prompt": "What is the best thing to say?",
                                "skills": ["leading"],
                                "options": [
                                    {
                                        "text": (
                                            "'Not yet, Marek. You were warm and accurate on both "
                                            "calls, but both times you came in within fifteen "
                                            "seconds, and that's how we missed the new meter. "
                                            "Let's practise that; I'll observe again in two "
                                            "weeks.'"
                                        ),
                                        "quality": 100,
                                    },
                                    {
                                        "text": (
                                            "'Not yet. You interrupted on both calls, so that "
                                            "needs work. I'll book you in again.'"
                                        ),
                                        "quality": 60,
                                    },
                                    {
                                        "text": (
                                            "'You were warm and accurate on both calls, Marek, "
                                            "which is great. Let's leave the decision for now, see "
                                            "how you get on over the next few weeks, and I'll have "
                                            "another listen once things are quieter.'"
                                        ),
                                        "quality": 25,
                                    },
                                    {
                                        "text": (
                                            "'Yes, I'll sign you off. You were warm and accurate "
                                            "on both calls, and honestly you're nearly there. The "
                                            "numbers go in tomorrow, so let's get you counted, and "
                                            "just keep an eye on the interrupting from now on.'"
                                        ),
                                        "quality": 0,
                                    },
                                ],
                                "explanation": (
                                    "The evidence from two real calls says the skill isn't there "
                                    "yet. The best reply is honest, praises what is there, "
                                    "explains the gap with evidence and sets a date. A bare 'not "
                                    "yet' is honest but gives no praise, no plan and no date. "
                                    "Putting off the decision leaves Marek with nothing to work "
                                    "on. Signing off to keep the numbers up helps nobody: the next "
                                    "customer still gets interrupted."
                                ),
                            },
                        ),
                        (
                            "true_false",
                            {
                                "statement": (
                                    "Once the team has heard a message in a huddle, repeating it "
                                    "over the following weeks is nagging and should be avoided."
                                ),
                                "skills": ["leading"],
                                "answer": False,
                                "explanation": (
                                    "A message said once has not really been said. Repeating the "
                                    "same message, in the same words, over several weeks and in "
                                    "different ways is how learning sticks."
                                ),
                            },
                        ),
                        (
                            "single_choice",
                            {
                                "prompt": (
                                    "An agent asks you a policy question you can't answer with "
                                    "confidence. What should you do?"
                                ),
                                "skills": ["leading"],
                                "options": [
                                    {
                                        "text": ("Say you'll find out and reply by a set time, then do it"),
                                        "correct": True,
                                    },
                                    {
                                        "text": "Give your best guess, so you don't look unsure",
                                        "correct": False,
                                    },
                                    {
                                        "text": (
                                            "Send them to the quality team, who know the policy in detail"
                                        ),
                                        "correct": False,
                                    },
                                    {
                                        "text": (
                                            "Tell them to use their own judgement, since they know "
                                            "the customer best"
                                        ),
                                        "correct": False,
                                    },
                                ],
                                "explanation": (
                                    "Being the reliable answer doesn't mean knowing everything. It "
                                    "means checking rather than guessing, and coming back when you "
                                    "said you would. Sending agents elsewhere teaches them to "
                                    "bypass you."
                                ),
                            },
                        ),
                        (
                            "multiple_response",
                            {
                                "prompt": ("Which of these make a good huddle? Choose all that apply."),
                                "skills": ["leading"],
                                "options": [
                                    {
                                        "text": "A real call from this week as the example",
                                        "correct": True,
                                    },
                                    {
                                        "text": "Asking the team how they'd handle a call like it",
                                        "correct": True,
                                    },
                                    {
                                        "text": "Ending with one thing to try on today's calls",
                                        "correct": True,
                                    },
                                    {
                                        "text": ("Covering every update from the week, so nothing is missed"),
                                        "correct": False,
                                    },
                                    {
                                        "text": ("Fresh wording each time, so the message doesn't get stale"),
                                        "correct": False,
                                    },
                                ],
                                "explanation": (
                                    "A good huddle has one message, a real example, a question to "
                                    "the team and something to try today. Covering everything "
                                    "means nothing sticks, and changing the wording each time lets "
                                    "the message drift."
                                ),
                            },
                        ),
                    ],
                },
            ),
        ],
        "observation": [
            {
                "skill": "leading",
                "behaviour": ("Asked the agent how they thought the call went before giving their own view"),
            },
            {
                "skill": "leading",
                "behaviour": "Praised specific good practice, with evidence from the call",
            },
            {
                "skill": "leading",
                "behaviour": ("Pointed to an exact moment in the call and agreed one thing to work on"),
            },
            {"skill": "leading", "behaviour": "Agreed a specific date or time to listen again"},
            {
                "skill": "leading",
                "behaviour": (
                    "Gave the answer the policy gives on a policy question, the same as other leaders"
                ),
            },
            {
                "skill": "leading",
                "behaviour": (
                    "Made the sign-off decision on evidence from at least two real contacts and "
                    "explained it, including when the answer was 'not yet'"
                ),
            },
        ],
    },
}
