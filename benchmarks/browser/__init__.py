"""What a student feels in a real browser (``python -m benchmarks.browser_latency``).

- ``controls``: the control changed on a page, found and pressed as a student does;
- ``measure``: a page's cold load and its control change → chart redrawn, in Chromium;
- ``report``: each page's figures, budgets and the Markdown table.
"""
