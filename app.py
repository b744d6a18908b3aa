"""ML Math Explorer — entry point: navigation over every topic page, and the home page.

Start it the fast way (see README): ``python serve.py``.
"""

from __future__ import annotations

import streamlit as st

from ui.topics import Topic, available_topics

st.set_page_config(page_title="ML Math Explorer", page_icon="🧮", layout="wide")

TOPICS = available_topics()
PAGES = {
    topic.slug: st.Page(
        topic.script, title=topic.title, icon=topic.icon, url_path=topic.slug
    )
    for topic in TOPICS
}


def home() -> None:
    st.title("🧮 ML Math Explorer")
    st.markdown(
        "The mathematics behind machine learning, one interactive page per idea. "
        "Move a slider or type a number and the chart, the formula, the sentence "
        "that explains it and the NumPy code all answer at once. Every page opens "
        "on the matching cell of the course notebook, with the same numbers; "
        "the address bar is always a link to exactly what you see."
    )
    section = None
    for topic in TOPICS:
        if topic.section != section:
            section = topic.section
            st.subheader(section)
        _topic_card(topic)


def _topic_card(topic: Topic) -> None:
    with st.container(border=True):
        st.page_link(PAGES[topic.slug], label=f"**{topic.title}**", icon=topic.icon)
        st.markdown(topic.teaches)
        st.caption(f"Notebook — {topic.cell}")


sections: dict[str, list[st.Page]] = {
    "": [st.Page(home, title="Home", icon="🏠", default=True)]
}
for topic in TOPICS:
    sections.setdefault(topic.section, []).append(PAGES[topic.slug])

st.navigation(sections).run()
