"""Which WebDriver errors mean only that the page changed under a call, so a wait should look again.

CI once failed on Chromium's 'Node with given id does not belong to the document', raised while a
wait read the heading of a page that was being replaced; a stale node is the classic form of it.
"""

import pytest
from selenium.common.exceptions import (
    NoSuchWindowException,
    StaleElementReferenceException,
    TimeoutException,
    WebDriverException,
)

from pages.dom import page_was_changing


@pytest.mark.parametrize("exc", [
    StaleElementReferenceException("stale element reference: stale element not found"),
    WebDriverException('unknown error: unhandled inspector error: {"code":-32000,'
                       '"message":"Node with given id does not belong to the document"}'),
    WebDriverException("javascript error: Execution context was destroyed, most likely because of a navigation"),
    WebDriverException("unknown error: document unloaded while waiting for result"),
])
def test_a_page_changing_under_the_call_means_look_again(exc):
    assert page_was_changing(exc)


@pytest.mark.parametrize("exc", [
    WebDriverException("javascript error: Cannot read properties of null (reading 'click')"),
    NoSuchWindowException("no such window: target window already closed"),
    TimeoutException("timed out"),
    ValueError("does not belong to the document"),
])
def test_other_errors_are_not_hidden(exc):
    assert not page_was_changing(exc)
