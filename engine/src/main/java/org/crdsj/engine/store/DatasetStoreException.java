package org.crdsj.engine.store;

/**
 * A dataset store that cannot be read: not a store, a newer format, a bad checksum, a truncated
 * file. The message names the file and what is wrong.
 */
public final class DatasetStoreException extends RuntimeException {
    public DatasetStoreException(String message) {
        super(message);
    }

    public DatasetStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
