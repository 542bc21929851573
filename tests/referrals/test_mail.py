"""Notifications through a real SMTP server on 127.0.0.1 (aiosmtpd): who gets what,
never any personal data, and nothing before the commit."""

from __future__ import annotations

import socket
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from email.message import Message

import pytest
from aiosmtpd.controller import Controller

from coact import mail
from tests.referrals.conftest import CLIENT, make_referral, reload


class Inbox:
    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 Message accepted"

    def to(self, address: str) -> list[Message]:
        return [m for m in self.messages if address in m["X-Envelope-To"]]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


PORT = _free_port()


@pytest.fixture
def app_config():
    return {"COACT_SETTINGS": {"mail_server": "127.0.0.1", "mail_port": PORT}}


@pytest.fixture
def inbox(app):
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=PORT)
    controller.start()
    try:
        yield handler
    finally:
        controller.stop()


def _text(message: Message) -> str:
    return message.get_payload(decode=True).decode("utf-8") + message["Subject"]


PERSONAL = (*[v for k, v in CLIENT.items() if k != "preferred_language"], "Finnish conversation")


def _assert_no_personal_data(messages: list[Message]) -> None:
    for message in messages:
        text = _text(message)
        assert not [v for v in PERSONAL if v in text], text


def test_sending_notifies_the_contact_point(client, world, login_as, inbox):
    referral = make_referral(world, status="draft")
    login_as(world.koto)
    assert client.post(f"/fi/referrals/{referral.public_id}/status/send").status_code == 302
    [message] = inbox.to("contact@kielikahvila.example")
    text = _text(message)
    assert f"/fi/referrals/{referral.public_id}" in text
    assert f"/sv/referrals/{referral.public_id}" in text
    assert "Uusi ohjaus" in message["Subject"] and "New referral" in message["Subject"]
    _assert_no_personal_data(inbox.messages)


def test_status_changes_notify_the_referring_worker(client, world, login_as, inbox):
    referral = make_referral(world, status="sent")
    login_as(world.ngo)
    client.post(f"/en/referrals/{referral.public_id}/status/accept")
    client.post(
        f"/en/referrals/{referral.public_id}/status/arrange_meeting",
        data={
            "arrange_meeting-day": "2031-01-07",
            "arrange_meeting-at": "10:00",
            "arrange_meeting-place": "Amina Testinen's home",
            "arrange_meeting-note": "Call 040 765 4321 first",
        },
    )
    messages = inbox.to(world.koto.email)
    assert len(messages) == 2
    assert "Accepted" in _text(messages[0]) and "Meeting arranged" in _text(messages[1])
    _assert_no_personal_data(inbox.messages)


def test_a_refused_change_sends_nothing(client, world, login_as, inbox):
    referral = make_referral(world, status="sent")
    login_as(world.ngo)
    response = client.post(
        f"/en/referrals/{referral.public_id}/status/accept", data={"accept-note": "131052-308T"}
    )
    assert response.status_code == 409
    assert inbox.messages == []
    assert reload(referral).status == "sent"


def test_withdrawing_consent_tells_the_ngo(client, world, login_as, inbox):
    referral = make_referral(world, status="accepted")
    login_as(world.koto)
    client.post(f"/en/referrals/{referral.public_id}/consent/withdraw")
    [message] = inbox.to("contact@kielikahvila.example")
    assert "Cancelled" in _text(message)
    _assert_no_personal_data(inbox.messages)


def test_reminders_for_unanswered_referrals(app, runner, world, inbox):
    old = make_referral(world, status="sent", now=datetime.now(UTC) - timedelta(days=8))
    make_referral(world, status="sent", now=datetime.now(UTC) - timedelta(days=2))
    make_referral(world, status="accepted", now=datetime.now(UTC) - timedelta(days=30))
    result = runner.invoke(args=["send-reminders"])
    assert result.exit_code == 0, result.output
    assert "Reminders: 1 referrals, 1 e-mails sent." in result.output
    [message] = inbox.messages
    assert old.public_id in _text(message)
    _assert_no_personal_data(inbox.messages)
    # Not again the next day; again after another week.
    assert "Reminders: 0" in runner.invoke(args=["send-reminders"]).output


def test_reminder_repeats_weekly(world):
    from coact.referrals.services import send_reminders

    now = datetime.now(UTC)
    make_referral(world, status="sent", now=now - timedelta(days=8))
    assert send_reminders(now=now) == 1
    assert send_reminders(now=now + timedelta(days=1)) == 0
    assert send_reminders(now=now + timedelta(days=7)) == 1


def test_console_output_without_a_mail_server(app, capsys):
    app.config["COACT"] = replace(app.config["COACT"], mail_server="")
    mail.send(mail.Message(to=("someone@example.org",), subject="Co-Act: Test", body="Hello\n"))
    assert "Subject: Co-Act: Test" in capsys.readouterr().out


def test_a_failing_mail_server_does_not_undo_the_change(client, world, login_as, app):
    app.config["COACT"] = replace(app.config["COACT"], mail_port=_free_port())
    referral = make_referral(world, status="draft")
    login_as(world.koto)
    response = client.post(f"/en/referrals/{referral.public_id}/status/send")
    assert response.status_code == 302
    assert reload(referral).status == "sent"
