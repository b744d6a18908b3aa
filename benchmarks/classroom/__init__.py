"""A class of simulated students on the real server (``python -m benchmarks.classroom_load``).

- ``widgets``: the controls a student finds in the page's messages and how to change them;
- ``student``: one student's websocket session, in Streamlit's own protobuf messages;
- ``load``: a class of students in threads: steady changes, then bursts;
- ``report``: each scenario's figures, budgets and the Markdown table.
"""
