"""Arabic while exploring: JupyterLab's custom CSS and right-aligned Arabic tables."""

from __future__ import annotations

import json

import pandas as pd

from helpers import rtl


def test_install_writes_the_css_and_turns_custom_css_on(tmp_path):
    css_path = rtl.install_jupyterlab_rtl(target=tmp_path)
    assert css_path == tmp_path / "custom" / "custom.css"
    css = css_path.read_text(encoding="utf-8")
    assert "unicode-bidi: plaintext" in css and "text-align: start" in css and ".jp-RenderedMarkdown :is(p, li" in css
    config = json.loads((tmp_path / "jupyter_lab_config.json").read_text(encoding="utf-8"))
    assert config["LabApp"]["custom_css"] is True


def test_installing_twice_changes_nothing(tmp_path):
    rtl.install_jupyterlab_rtl(target=tmp_path)
    first = (tmp_path / "custom" / "custom.css").read_text(encoding="utf-8")
    rtl.install_jupyterlab_rtl(target=tmp_path)
    assert (tmp_path / "custom" / "custom.css").read_text(encoding="utf-8") == first


def test_install_keeps_the_users_own_css_and_settings(tmp_path):
    (tmp_path / "custom").mkdir()
    (tmp_path / "custom" / "custom.css").write_text("body { color: navy; }\n", encoding="utf-8")
    (tmp_path / "jupyter_lab_config.json").write_text('{"LabApp": {"collaborative": true}}', encoding="utf-8")
    rtl.install_jupyterlab_rtl(target=tmp_path)
    assert (tmp_path / "custom" / "custom.css").read_text(encoding="utf-8").startswith("body { color: navy; }")
    config = json.loads((tmp_path / "jupyter_lab_config.json").read_text(encoding="utf-8"))
    assert config["LabApp"] == {"collaborative": True, "custom_css": True}


def test_install_defaults_to_the_environment_not_the_users_config_dir(tmp_path, monkeypatch):
    import sys

    monkeypatch.setattr(sys, "prefix", str(tmp_path / "env"))
    monkeypatch.setenv("JUPYTER_CONFIG_DIR", str(tmp_path / "user"))
    assert rtl.install_jupyterlab_rtl() == tmp_path / "env" / "etc" / "jupyter" / "custom" / "custom.css"
    assert not (tmp_path / "user").exists()


def test_arabic_table_column_is_right_to_left_and_numbers_are_not():
    df = pd.DataFrame({"الوسيلة": ["الجزيرة", "شبكة BBC"], "المقالات": [12, 4]})
    html = rtl.style_table(df).to_html()
    rtl_rule = next(rule for rule in html.split("}") if "direction: rtl" in rule)
    selectors = rtl_rule.split("{")[0]
    assert "row0_col0" in selectors and "row1_col0" in selectors  # both Arabic cells
    assert "col1" not in selectors  # not the numbers
    assert 'id="T_arabic-table' in html


def test_styled_table_renders_the_same_twice():
    df = pd.DataFrame({"الوسيلة": ["الجزيرة"], "المقالات": [12]})
    assert rtl.style_table(df).to_html() == rtl.style_table(df).to_html()


def test_font_for_browsers_goes_where_fontconfig_looks(tmp_path):
    target = rtl.install_font_for_browsers(tmp_path / "fonts")
    assert sorted(p.name for p in target.glob("*.ttf")) == sorted(p.name for p in rtl.font_files().values())


def test_jupyterlab_links_and_serves_the_installed_css(tmp_path):
    import os
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    rtl.install_jupyterlab_rtl(target=tmp_path / "config")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(tmp_path / "config")}
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", "--ip=127.0.0.1", f"--port={port}",
         "--IdentityProvider.token=t", f"--ServerApp.root_dir={tmp_path}"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        page = css = None
        for _ in range(120):
            try:
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/lab?token=t", timeout=5).read().decode()
                css = urllib.request.urlopen(f"http://127.0.0.1:{port}/custom/custom.css?token=t", timeout=5).read()
                break
            except OSError:
                time.sleep(0.5)
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert page is not None and 'href="/custom/custom.css"' in page
    assert b"unicode-bidi: plaintext" in css
