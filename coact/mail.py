"""Outgoing e-mail. Notifications carry no personal data: only what happened and a
link to log in, in every interface language, because the recipient's language is
not always known (an organisation's contact address).

Messages are queued and sent only after the database commit, so no mail announces
a change that was rolled back. Without ``COACT_MAIL_SERVER`` they are printed to
the console (development).
"""

from __future__ import annotations

import smtplib
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import make_msgid

from flask import current_app, g, has_request_context, url_for
from flask_babel import force_locale

from coact.i18n import enabled_locales
from coact.transactions import after_commit

SMTP_TIMEOUT_SECONDS = 15


@dataclass(frozen=True)
class Message:
    to: tuple[str, ...]
    subject: str
    body: str


def absolute_url(endpoint: str, **values) -> str:
    """A link for an e-mail, under ``COACT_PUBLIC_URL`` (also outside a request)."""
    base = current_app.config["COACT"].public_url.rstrip("/")
    if has_request_context():
        return base + url_for(endpoint, **values)
    with current_app.test_request_context():
        return base + url_for(endpoint, **values)


def compose(to: Iterable[str], subject, paragraphs: Iterable, endpoint: str, **values) -> Message:
    """A message in every interface language: ``subject`` and ``paragraphs`` are lazy
    gettext strings (rendered once per locale) and the link goes to ``endpoint``."""
    paragraphs = list(paragraphs)
    subjects: list[str] = []
    sections: list[str] = []
    for locale in enabled_locales():
        with force_locale(locale):
            subjects.append(str(subject))
            text = "\n\n".join(str(p) for p in paragraphs)
            link = absolute_url(endpoint, lang=locale, **values)
        sections.append(f"{text}\n\n{link}")
    unique_subjects = list(dict.fromkeys(subjects))
    return Message(
        to=tuple(dict.fromkeys(a for a in to if a)),
        subject="Co-Act: " + " / ".join(unique_subjects),
        body="\n\n-- \n\n".join(sections) + "\n",
    )


def send(message: Message) -> None:
    """Send now: by SMTP, or to the console when no mail server is configured."""
    if not message.to:
        return
    settings = current_app.config["COACT"]
    email = EmailMessage()
    email["From"] = settings.mail_sender
    email["To"] = ", ".join(message.to)
    email["Subject"] = message.subject
    email["Message-ID"] = make_msgid(domain="coact")
    email.set_content(message.body)
    if not settings.mail_server:
        print(email.as_string(), file=sys.stdout, flush=True)
        return
    with smtplib.SMTP(
        settings.mail_server, settings.mail_port, timeout=SMTP_TIMEOUT_SECONDS
    ) as smtp:
        smtp.send_message(email)


def queue(message: Message) -> None:
    """Send ``message`` once the current transaction has committed."""
    if not message.to:
        return
    outbox = g.setdefault("coact_mail_outbox", [])
    if not outbox:
        after_commit(flush_outbox)
    outbox.append(message)


def flush_outbox() -> int:
    """Send the queued messages (CLI commands call this after their commit).

    A failing mail server is logged and never undoes the stored change.
    """
    sent = 0
    for message in g.pop("coact_mail_outbox", []):
        try:
            send(message)
            sent += 1
        except (OSError, smtplib.SMTPException):
            current_app.logger.exception("Sending e-mail %r failed", message.subject)
    return sent
