"""ML Math Explorer — entry point: navigation over every topic page, and the home page.

Start it the fast way (see README): ``python serve.py``.
"""

from __future__ import annotations

import streamlit as st

from ui.topics import ROOT, Topic, available_topics

st.set_page_config(page_title="ML Math Explorer", layout="wide")

TOPICS = available_topics()
PAGES = {
    topic.slug: st.Page(topic.script, title=topic.title, url_path=topic.slug)
    for topic in TOPICS
}
TEACHERS = st.Page("pages/teachers.py", title="Teacher notes", url_path="teachers")


def home() -> None:
    st.title("ML Math Explorer")
    st.markdown(
        "The mathematics behind machine learning, one interactive page per idea. "
        "Move a slider or type a number and the chart, the formula, the sentence "
        "that explains it and the NumPy code all answer at once. Every page opens "
        "on the matching cell of the course notebook, with the same numbers; "
        "the address bar is always a link to exactly what you see."
    )
    with st.expander("For teachers: sharing a prepared view"):
        st.markdown(
            "- Set a page up, then press **Share this view** under its controls: "
            "the link holds every control's value (and the random `seed`), so each "
            "student opens the same picture; its QR code opens it on a phone.\n"
            "- In the same box, tick controls to hide them from the lesson, e.g. "
            "`equations?a=0&b=3&hide=a,b` shows the no-solution case without its "
            "sliders.\n"
            "- **↺ Notebook example** on every page goes back to the notebook's numbers.\n"
            "- Nothing is fetched from the internet: the app works in a classroom "
            "without it."
        )
    st.page_link(
        TEACHERS, label="**Teacher notes**: every link setting and ready lesson links"
    )
    sections: dict[str, list[Topic]] = {}
    for topic in TOPICS:
        sections.setdefault(topic.section, []).append(topic)
    for section, topics in sections.items():
        st.subheader(section)
        for start in range(0, len(topics), 3):  # one row of cards at a time: even rows
            for column, topic in zip(
                st.columns(3), topics[start : start + 3], strict=False
            ):
                with column:
                    _topic_card(topic)


def _topic_card(topic: Topic) -> None:
    with st.container(border=True, height="stretch"):
        st.page_link(PAGES[topic.slug], label=f"**{topic.title}**")
        st.markdown(topic.teaches)
        st.caption(f"Notebook — {topic.cell}")


# Contrast and keyboard fixes to Streamlit's own drawing, on every page (one <style>).
st.html(ROOT / "ui" / "style.css")

# One flat list, in the topic map's order: Streamlit draws a sectioned sidebar as
# <div>s inside its <ul>, which screen readers cannot read as a list (axe-core's
# `list` and `listitem` rules, tests/e2e/test_axe.py). The home page shows the sections.
home_page = st.Page(home, title="Home", default=True)
st.navigation([home_page, *PAGES.values(), TEACHERS]).run()
