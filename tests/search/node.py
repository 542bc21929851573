"""An app process for the sync tests: reads commands on stdin, answers JSON lines.

    python -m tests.search.node   (COACT_DATABASE_URL, COACT_INDEX_DIR from the environment)

Commands: ``search <words>`` → {"ids": [service public ids], "total": n};
``rename <service public id> <new Finnish name>`` → {"ok": true} (an edit
through the ORM, committed, as a request would); ``quit``.
"""

from __future__ import annotations

import json
import sys


def main() -> None:
    from werkzeug.datastructures import MultiDict

    from coact import create_app
    from coact.extensions import db
    from coact.models import Service
    from coact.search.params import parse_match_args
    from coact.search.services import match

    app = create_app({"TESTING": True, "SEARCH_SYNC_INTERVAL": 0.2})
    with app.app_context():
        print(json.dumps({"ready": True}), flush=True)
        for line in sys.stdin:
            command, _, rest = line.strip().partition(" ")
            if command == "quit":
                break
            if command == "search":
                result = match(parse_match_args(MultiDict([("q", rest)])), "fi")
                ids = [s.service.public_id for r in result.results for s in r.services]
                answer = {"ids": ids, "total": result.total}
            elif command == "rename":
                public_id, _, name = rest.partition(" ")
                service = db.session.scalar(db.select(Service).filter_by(public_id=public_id))
                service.name = {"fi": name}
                db.session.commit()
                answer = {"ok": True}
            else:
                answer = {"error": command}
            db.session.rollback()
            print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
