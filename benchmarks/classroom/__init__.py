"""A class of simulated students on the real server (``python -m benchmarks.classroom_load``).

- ``widgets``: the controls a student finds in the page's messages and how to change them;
- ``student``: one student's websocket session, in Streamlit's own protobuf messages;
- ``load``: a class of students in threads: steady changes, then bursts;
- ``report``: each scenario's figures, budgets and the Markdown table.

The live class (``python -m benchmarks.live_class_load``):

- ``live``: a tab that presses buttons, types into boxes and reruns timed fragments;
- ``answering``: students who join and answer, and the teacher's projector, in threads;
- ``servers``: one ``serve.py`` on SQLite, or two behind HAProxy on PostgreSQL;
- ``live_report``: the figures and the Markdown table.
"""
