package org.yiyong.notifications;

/**
 * Where messages leave Yiyong: an SMS provider or a mail server. The installation configures one (a bean of
 * this type); without one, messages are written to the log and count as sent.
 */
public interface MessageGateway {

    /** Sends one message; throws when the provider refuses it or cannot be reached. */
    void send(Channel channel, String address, String subject, String body) throws GatewayFailure;

    /** The provider refused the message or could not be reached. */
    class GatewayFailure extends Exception {

        public GatewayFailure(String message) {
            super(message);
        }
    }
}
