from coact.auth.throttle import LoginThrottle


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_failures_expire_after_the_window():
    clock = FakeClock()
    throttle = LoginThrottle(per_account=2, per_ip=100, window_seconds=60, clock=clock)
    throttle.record_failure("a@example.org", "10.0.0.1")
    throttle.record_failure("a@example.org", "10.0.0.2")
    assert throttle.is_blocked("a@example.org", "10.0.0.3")
    assert not throttle.is_blocked("b@example.org", "10.0.0.1")
    clock.now += 61
    assert not throttle.is_blocked("a@example.org", "10.0.0.3")


def test_success_clears_the_account_but_not_the_address():
    throttle = LoginThrottle(per_account=1, per_ip=1, window_seconds=60, clock=FakeClock())
    throttle.record_failure("a@example.org", "10.0.0.1")
    throttle.clear_account("a@example.org")
    assert not throttle.is_blocked("a@example.org", "10.0.0.9")
    assert throttle.is_blocked("other@example.org", "10.0.0.1")
