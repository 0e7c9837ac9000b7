package io.windbell.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.PatternFormatter;

/**
 * Captures what a running Quarkus service writes to its console log, as the console would write it: each record goes
 * through the console handler's own filter (where libs/platform's redaction sits) and is formatted with its message and
 * exception ({@code %s%e}). Close it to detach. A test of what reaches the log, not of how a class logs.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();
    private final PatternFormatter formatter = new PatternFormatter("%s%e");
    private final Logger root = Logger.getLogger("");

    private LogCapture(Filter consoleFilter) {
        setFilter(consoleFilter);
    }

    /** Starts capturing every record of every logger, filtered as the console handler filters. */
    public static LogCapture ofConsole() {
        Logger root = Logger.getLogger("");
        Handler console = find(root.getHandlers());
        if (console == null) {
            throw new IllegalStateException(
                    "no console handler on the root logger: is this a running Quarkus service?");
        }
        LogCapture capture = new LogCapture(console.getFilter());
        root.addHandler(capture);
        return capture;
    }

    private static Handler find(Handler[] handlers) {
        for (Handler handler : handlers) {
            if (handler.getClass().getSimpleName().equals("ConsoleHandler")) {
                return handler;
            }
            if (handler instanceof ExtHandler ext) {
                Handler inner = find(ext.getHandlers());
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    @Override
    public void publish(LogRecord record) {
        Filter filter = getFilter();
        if (filter != null && !filter.isLoggable(record)) {
            return;
        }
        ExtLogRecord ext = record instanceof ExtLogRecord e ? e : ExtLogRecord.wrap(record);
        String line = formatter.format(ext);
        synchronized (lines) {
            lines.add(line);
        }
    }

    /** Everything captured so far, one entry per record (with its stack trace, if any). */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    @Override
    public void close() {
        root.removeHandler(this);
    }
}
