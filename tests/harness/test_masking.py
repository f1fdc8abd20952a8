"""PESEL masking: valid PESELs never leave the harness in clear text; invalid examples stay readable."""

import logging

from harness.masking import install_log_masking, mask_data, mask_text

JAN = "80011512354"  # synthetic, the simulator's Jan Nowak


def test_valid_pesel_is_masked_everywhere_in_text():
    assert mask_text(f"PESEL {JAN}, again:{JAN}.") == "PESEL 800115*****, again:800115*****."


def test_invalid_pesels_and_other_numbers_stay():
    for text in ("87061302072", "8001151235", "800115123540", "abc12345678901def"):
        assert mask_text(text) == text


def test_nested_json_is_masked_in_keys_and_values():
    data = {"name": f"login {JAN}", "steps": [{"params": [JAN]}], JAN: 1, "n": 5}
    assert mask_data(data) == {"name": "login 800115*****", "steps": [{"params": ["800115*****"]}],
                               "800115*****": 1, "n": 5}


def test_log_records_are_masked(caplog):
    install_log_masking()
    with caplog.at_level(logging.INFO):
        logging.getLogger("any.module").info("typed %s into the field", JAN)
    assert JAN not in caplog.text
    assert "800115*****" in caplog.text
