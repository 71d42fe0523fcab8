package org.iotahome.home.web;

/** A form's answer that cannot be taken, with a message written for the person (shown as a 400 page). */
public final class InvalidChoiceException extends RuntimeException {

    public InvalidChoiceException(String message) {
        super(message);
    }
}
