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
    with st.expander("👩‍🏫 For teachers: sharing a prepared view"):
        st.markdown(
            "- Set a page up, then copy the address bar: the link holds every "
            "control's value (and the random `seed`), so each student opens the same "
            "picture.\n"
            "- Add `hide=` with control names to hide them, e.g. "
            "`equations?a=0&b=3&hide=a,b` shows the no-solution case without its "
            "sliders.\n"
            "- **↺ Notebook example** on every page goes back to the notebook's numbers.\n"
            "- Nothing is fetched from the internet: the app works in a classroom "
            "without it."
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
        st.page_link(PAGES[topic.slug], label=f"**{topic.title}**", icon=topic.icon)
        st.markdown(topic.teaches)
        st.caption(f"Notebook — {topic.cell}")


navigation: dict[str, list[st.Page]] = {
    "": [st.Page(home, title="Home", icon="🏠", default=True)]
}
for topic in TOPICS:
    navigation.setdefault(topic.section, []).append(PAGES[topic.slug])

st.navigation(navigation).run()
