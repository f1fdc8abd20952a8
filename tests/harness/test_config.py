"""The typed configuration: precedence of the three sources and one clear error per bad value."""

import pytest

from harness.config import IIKP_BASE_URL, IIKP_PZ_URL, Settings, load_settings
from harness.errors import ConfigError


def test_defaults_target_the_simulator():
    settings = load_settings({}, {}, {})
    assert settings == Settings()
    assert settings.uses_simulator
    assert settings.timeout == 10.0


def test_define_beats_environment_beats_ini():
    ini = {"timeout": "5", "browser": "chrome", "retries": "1"}
    environ = {"IIKP_TIMEOUT": "7", "IIKP_BROWSER": "chromium"}
    defines = {"timeout": "9"}
    settings = load_settings(ini, defines, environ)
    assert settings.timeout == 9.0  # -D
    assert settings.browser == "chromium"  # environment over ini
    assert settings.retries == 1  # ini


def test_real_iikp_defaults_to_the_seed_addresses():
    settings = load_settings({"target": "iikp"}, {}, {})
    assert (settings.base_url, settings.pz_url) == (IIKP_BASE_URL, IIKP_PZ_URL)


def test_urls_lose_their_trailing_slash():
    assert load_settings({}, {"base_url": "http://127.0.0.1:8081/"}, {}).base_url == "http://127.0.0.1:8081"


@pytest.mark.parametrize(("source", "key", "raw", "words"), [
    ("define", "browser", "nonsense", ["browser", "chromium, chrome, firefox, edge"]),
    ("env", "timeout", "-1", ["timeout", "od 0.5 do 300"]),
    ("env", "timeout", "abc", ["timeout", "liczba"]),
    ("ini", "headless", "perhaps", ["headless", "true, false"]),
    ("define", "target", "prod", ["target", "symulator, iikp"]),
    ("define", "base_url", "localhost:8081", ["base_url", "http(s)"]),
    ("define", "remote_url", "http://grid:port", ["remote_url", "port"]),
    ("define", "screenshots", "always", ["screenshots", "failure, final, step, off"]),
    ("define", "driver_manager", "magic", ["driver_manager", "system"]),
    ("define", "retries", "1.5", ["retries", "całkowita"]),
    ("define", "colour", "blue", ["colour", "nieznany klucz"]),
    ("env", "colour", "blue", ["IIKP_COLOUR", "nieznana zmienna"]),
    ("define", "browser", "firefox", ["driver_path", "firefox"]),
])
def test_bad_values_name_the_key_and_the_allowed_values(source, key, raw, words):
    ini, defines, environ = {}, {}, {}
    if source == "define":
        defines[key] = raw
    elif source == "env":
        environ[f"IIKP_{key.upper()}"] = raw
    else:
        ini[key] = raw
    with pytest.raises(ConfigError) as caught:
        load_settings(ini, defines, environ)
    message = str(caught.value)
    assert "\n" not in message
    for word in words:
        assert word in message


def test_the_simulator_token_variable_is_not_a_config_key():
    assert load_settings({}, {}, {"IIKP_SIM_TOKEN": "secret"}).target == "symulator"


def test_a_running_simulators_address_without_its_token_is_a_config_error(monkeypatch):
    from harness.simulator import TOKEN_ENV, reach_simulator

    monkeypatch.delenv(TOKEN_ENV, raising=False)
    settings = load_settings({"base_url": "http://127.0.0.1:9", "pz_url": "http://127.0.0.1:10"}, {}, {})
    with pytest.raises(ConfigError) as caught:
        reach_simulator(settings)  # the run, make zwiad and the parallel parent all reach it this way
    assert str(caught.value) == ("Błąd konfiguracji 'IIKP_SIM_TOKEN': przy base_url symulatora podaj jego token w "
                                 "zmiennej środowiskowej IIKP_SIM_TOKEN.")
    monkeypatch.setenv(TOKEN_ENV, "t")
    assert reach_simulator(settings) == (None, "http://127.0.0.1:9", "http://127.0.0.1:10", "t")
