"""The log file a reception PC keeps: where it is, rotation, fatal dumps, fallback, no patients."""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import sys
import threading

import pytest

from frontdesk import cli, diagnostics, logs

NAME, PHONE, ID_NUMBER, OLD_ID = "王小明", "13800138000", "11010119900307123X", "110101900307123"


@pytest.fixture
def recording(request):
    """logs.start() with faulthandler free to go to the file; everything put back after."""
    from _pytest.faulthandler import fault_handler_stderr_fd_key

    faulthandler.disable()  # pytest's own dump to stderr, restored below
    rec = logs.start()
    yield rec
    logs.stop()
    faulthandler.enable(file=request.config.stash[fault_handler_stderr_fd_key])


def _text(rec) -> str:
    for handler in rec.handlers:
        handler.flush()
    return rec.path.read_text(encoding="utf-8")


def test_the_log_file_lives_under_the_data_folder_override(tmp_path, monkeypatch):
    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(tmp_path))
    assert logs.log_dir() == tmp_path / "logs"
    assert logs.log_file() == tmp_path / "logs" / "frontdesk.log"


def test_without_the_override_it_is_the_platforms_log_folder(monkeypatch):
    from platformdirs import user_log_dir

    monkeypatch.delenv("FRONTDESK_DATA_DIR")
    monkeypatch.setattr(sys, "platform", "linux")
    assert str(logs.log_dir()) == user_log_dir("Frontdesk", appauthor=False)


def test_windows_keeps_logs_in_the_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("FRONTDESK_DATA_DIR")
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(logs, "data_dir", lambda: tmp_path / "Frontdesk")
    assert logs.log_dir() == tmp_path / "Frontdesk" / "logs"


def test_records_go_to_a_rotating_file(recording):
    [handler] = [h for h in recording.handlers
                 if isinstance(h, logging.handlers.RotatingFileHandler)]
    assert handler.maxBytes == logs.MAX_BYTES >= 1024 * 1024
    assert handler.backupCount == logs.BACKUP_COUNT >= 2
    assert recording.path == logs.log_file() == logs.active_log_file()
    logging.getLogger("frontdesk.test").info("visit %s moved to billing", 42)
    text = _text(recording)
    assert "visit 42 moved to billing" in text and "INFO" in text
    assert "Frontdesk " in text  # the start line names the version


def test_fatal_errors_are_dumped_to_the_faults_file(recording):
    assert faulthandler.is_enabled()
    assert recording.fault_path == logs.log_dir() / logs.FAULT_FILE_NAME
    assert recording.fault_stream is not None
    faulthandler.dump_traceback(file=recording.fault_stream)  # what a crash would write
    recording.fault_stream.flush()
    assert "test_fatal_errors_are_dumped" in recording.fault_path.read_text(encoding="utf-8")


def test_a_second_start_replaces_the_first(recording):
    root = logging.getLogger()
    before = len(root.handlers)
    logs.start()
    assert len(root.handlers) == before
    logs.stop()
    assert not any(h in root.handlers for h in recording.handlers)


def test_an_unwritable_log_folder_falls_back_to_stderr(tmp_path, monkeypatch, capsys):
    # A file where the folder should be (chmod tricks do not stop root, CI's user).
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(blocker))
    rec = logs.start()
    try:
        assert rec.path is None and logs.active_log_file() is None and rec.problem
        logging.getLogger("frontdesk.test").warning("still heard")
        err = capsys.readouterr().err
        # Warnings still reach stderr; that the file is missing is said in About, and on
        # stderr only with --verbose (a command's own error must come first there).
        assert "still heard" in err and "no log file" not in err
        assert diagnostics.gather("sqlite:///x.sqlite3").log_problem
    finally:
        logs.stop()
    rec = logs.start(verbose=True)
    try:
        assert "no log file" in capsys.readouterr().err
    finally:
        logs.stop()


def test_no_stderr_and_no_folder_is_silent_not_fatal(tmp_path, monkeypatch):
    # The windowed Windows build has sys.stderr = None.
    blocker = tmp_path / "data"
    blocker.write_text("")
    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(blocker))
    monkeypatch.setattr(sys, "stderr", None)
    rec = logs.start()
    try:
        assert rec.handlers == []
        logging.getLogger("frontdesk.test").error("goes nowhere, quietly")
    finally:
        logs.stop()


def test_the_command_line_writes_the_log_and_puts_everything_back(tmp_path):
    hook = sys.excepthook
    assert cli.main(["--db", f"sqlite:///{tmp_path / 'x.sqlite3'}", "check"]) in (0, 1, 2)
    assert logs.current() is None and sys.excepthook is hook
    assert "Frontdesk" in logs.log_file().read_text(encoding="utf-8")


# --- no patient data ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    f"找不到患者 {NAME}，手机 {PHONE}，身份证 {ID_NUMBER}",
    f"patient name='{NAME}' phone={PHONE} id_number={ID_NUMBER.lower()}",
    f"{{'name': '{NAME}', 'phone': '138-0013-8000', 'id': '{OLD_ID}'}}",
    f"姓名：{NAME}；电话：+86 138 0013 8000",
    f"DETAIL:  Key (id_number)=({ID_NUMBER}) already exists.",
    f"ValueError: '{NAME}' is not valid",
])
def test_scrub_masks_names_phones_and_id_numbers(text):
    masked = logs.scrub(text)
    for secret in (NAME, PHONE, ID_NUMBER, ID_NUMBER.lower(), OLD_ID, "0013"):
        assert secret not in masked, masked


def test_scrub_leaves_ordinary_messages_readable():
    for text in ("visit 1234 moved to billing", "数据库文件无法打开", "queue A023 called",
                 "NameError: name 'foo' is not defined", "hostname=db1 filename=a.txt"):
        assert logs.scrub(text) == text


def test_the_chinese_name_patterns_are_compiled_only_for_a_line_with_chinese_in_it():
    # Their big character classes cost ~3 ms of start-up; an ASCII line cannot match them.
    logs._cjk_patterns.cache_clear()
    assert logs.scrub("Frontdesk 0.1.0, Python 3.11.7 on linux; name='Zhang San'") == \
        "Frontdesk 0.1.0, Python 3.11.7 on linux; name='<name>'"
    assert logs._cjk_patterns.cache_info().currsize == 0
    assert NAME not in logs.scrub(f"找不到 {NAME}")
    assert logs._cjk_patterns.cache_info().currsize == 1


@pytest.mark.parametrize("text", [
    f"患者 {NAME} 已到", f"patient: '{NAME}'", f"姓名：{NAME}", f"{NAME}", f"家属 欧阳{NAME}",
    f"name=Zhang San, 病人：{NAME}", "数据库文件无法打开", "a·b 王·小明 x", "visit 12 ok",
    f"'{NAME}' 和 '李四' 与 “司马相如”", "patient=Li Lei 患者：王", "张", "",
])
def test_scrubbing_names_is_the_same_as_with_every_pattern_run_on_every_line(text):
    # The reference: the patterns run unconditionally, in order, as before the ASCII skip.
    labelled_cjk, standalone = logs._cjk_patterns()
    expected = logs._LABELLED_QUOTED.sub(r"\1\2<name>\3", text)
    expected = labelled_cjk.sub(r"\1<name>", expected)
    expected = logs._LABELLED_LATIN.sub(r"\1<name>", expected)
    expected = standalone.sub(
        lambda m: "<name>" if logs._looks_like_name(m.group(1)) else m.group(1), expected)
    assert logs._scrub_names(text) == expected


def test_database_passwords_are_masked():
    assert logs.scrub("postgresql://desk:s3cret@db.local:5432/fd") == \
        "postgresql://desk:***@db.local:5432/fd"
    assert "s3cret" not in logs.scrub("host=db password='s3cret' dbname=fd")
    # typed with an "@" (not %40): all of it, up to the host
    assert logs.mask_passwords("postgresql://desk:pa@ss@db.local/fd") == \
        "postgresql://desk:***@db.local/fd"


def test_a_refused_database_url_shows_no_password():
    from frontdesk.db.session import open_database
    from frontdesk.errors import ConfigError

    with pytest.raises(ConfigError) as refused:
        open_database("mysql://desk:pa@ss@db.local/fd")
    for lang in ("zh_CN", "en"):
        text = refused.value.message(lang)
        assert "desk:***@db.local" in text and "pa@ss" not in text and "ss@" not in text


def test_log_records_and_their_tracebacks_carry_no_patient(recording, caplog):
    logger = logging.getLogger("frontdesk.test")
    logger.warning("registered %s (%s)", NAME, PHONE)
    try:
        raise ValueError(f"duplicate id number {ID_NUMBER} for {NAME}")
    except ValueError:
        logger.exception("saving failed")
    logging.getLogger("peewee").debug("('SELECT … WHERE name = ?', ['%s'])", NAME)
    text = _text(recording)
    assert "saving failed" in text and "ValueError" in text and "<id-number>" in text
    for secret in (NAME, PHONE, ID_NUMBER):
        assert secret not in text
        assert secret not in caplog.text  # the filter masks the record itself


def test_unhandled_exceptions_are_logged_masked(monkeypatch):
    # The hooks log, then hand over to the ones before (here: quiet stand-ins for
    # pytest's, which would fail the test on purpose).
    passed_on = []
    monkeypatch.setattr(sys, "excepthook", lambda *exc_info: passed_on.append(exc_info[0]))
    monkeypatch.setattr(threading, "excepthook", lambda args: passed_on.append(args.exc_type))
    rec = logs.start()
    try:
        try:
            raise RuntimeError(f"{NAME} {PHONE}")
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        thread = threading.Thread(target=lambda: 1 / 0, name="worker")
        thread.start()
        thread.join()
        text = _text(rec)
    finally:
        logs.stop()
    assert passed_on == [RuntimeError, ZeroDivisionError]
    assert "unhandled RuntimeError" in text
    assert "unhandled ZeroDivisionError in thread worker" in text
    assert NAME not in text and PHONE not in text


def test_a_crash_report_names_no_patient(tmp_path):
    try:
        raise ValueError(f"patient {NAME} phone {PHONE} id {ID_NUMBER}")
    except ValueError as exc:
        facts = diagnostics.gather("postgresql://nurse:s3cret@db.local/fd", ask_database=False)
        report = diagnostics.crash_report(type(exc), exc, exc.__traceback__, facts,
                                          [("Qt", "6.x")])
    assert "ValueError" in report and "test_logs.py" in report
    assert "PostgreSQL fd @ db.local:5432" in report
    for secret in (NAME, PHONE, ID_NUMBER, "s3cret", "nurse"):
        assert secret not in report


def test_a_message_with_a_lone_surrogate_is_written_escaped_not_a_logging_error(recording, capsys):
    """A file name in bytes that are not UTF-8 reaches Python as \\udcff: logging it printed
    '--- Logging error ---' and a traceback on stderr."""
    logging.getLogger("frontdesk.test").warning("cannot read %s", "/tmp/\udcff\udcfe.tsv")
    assert "\\udcff\\udcfe" in _text(recording)
    assert "Logging error" not in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_in_place_of_the_log_file_is_not_waited_on(tmp_path, monkeypatch, request):
    """A named pipe at logs/frontdesk.log (or faults.log): opening it to append waited for
    a reader for ever, so every command and the app's start hung; now there is no log file
    (said in About, as for a folder that cannot be written) and everything else goes on."""
    import os

    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(tmp_path))
    folder = logs.log_dir()
    folder.mkdir(parents=True)
    os.mkfifo(folder / logs.LOG_FILE_NAME)
    rec = logs.start()
    try:
        assert rec.path is None and "not an ordinary file" in rec.problem
    finally:
        logs.stop()
    (folder / logs.LOG_FILE_NAME).unlink()
    os.mkfifo(folder / logs.FAULT_FILE_NAME)
    from _pytest.faulthandler import fault_handler_stderr_fd_key

    faulthandler.disable()  # so that start() tries faults.log
    rec = logs.start()
    try:
        assert rec.path is not None and rec.fault_path is None
    finally:
        logs.stop()
        faulthandler.enable(file=request.config.stash[fault_handler_stderr_fd_key])
