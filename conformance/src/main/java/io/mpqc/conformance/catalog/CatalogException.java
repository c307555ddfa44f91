package io.mpqc.conformance.catalog;

/** The catalog file is malformed; the message names the line and the problem. */
public final class CatalogException extends Exception {
    private static final long serialVersionUID = 1L;

    public CatalogException(String message) {
        super(message);
    }
}
