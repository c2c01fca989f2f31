package org.crdsj.certify;

import java.util.ArrayList;
import java.util.List;

/** A {@link CertifyLog} that keeps what was logged, for assertions. */
final class RecordingLog implements CertifyLog {
    final List<String> infos = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final List<String> errors = new ArrayList<>();

    @Override public void info(String message) { infos.add(message); }
    @Override public void warning(String message) { warnings.add(message); }
    @Override public void error(String message) { errors.add(message); }
    @Override public void debug(String message) { }
    @Override public int errors() { return errors.size(); }
    @Override public int warnings() { return warnings.size(); }
}
