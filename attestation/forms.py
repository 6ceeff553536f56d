"""The forms of the policy-update pages: they keep what was typed when a check fails."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import PolicyQuestion


class AttestForm(forms.Form):
    """One radio group per question on the change (answers as the choice's position), and the promise."""

    read_and_will_apply = forms.BooleanField(
        label=_("I have read this and will apply it"),
        required=True,
        error_messages={"required": _("Tick this to confirm you have read the new version.")},
    )

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.question_names = []
        for number, question in enumerate(questions, start=1):
            name = f"q{number}"
            self.fields[name] = forms.TypedChoiceField(
                label=question["question"],
                choices=[(i, c["text"]) for i, c in enumerate(question["choices"])],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose an answer to this question.")},
            )
            self.question_names.append(name)
        # The promise comes last, after the questions.
        self.order_fields([*self.question_names, "read_and_will_apply"])

    def answers(self) -> list[int]:
        return [self.cleaned_data[name] for name in self.question_names]


class AskForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What is it?"),
        choices=PolicyQuestion.Kind.choices,
        initial=PolicyQuestion.Kind.QUESTION,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Your question"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("It goes to your team leader first; if nobody answers in three working days, higher up."),
        error_messages={"required": _("Write your question.")},
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Your answer"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write the answer.")},
    )


class PublishForm(forms.Form):
    wording = forms.CharField(
        label=_("The question as everyone will see it"),
        max_length=300,
        required=False,
        help_text=_("Leave out names and anything personal. Empty: the question as asked."),
    )


class OpenForm(forms.Form):
    reason = forms.CharField(
        label=_("Why open it to everyone now?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Give the reason for opening it to everyone.")},
    )
