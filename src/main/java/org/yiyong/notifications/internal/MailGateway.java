package org.yiyong.notifications.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.yiyong.notifications.Channel;
import org.yiyong.notifications.MessageGateway;

/** E-mails through the configured mail server (SMTP), as plain UTF-8 text. */
class MailGateway implements MessageGateway {

    private final JavaMailSender mail;
    private final String from;

    MailGateway(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public void send(Channel channel, String address, String subject, String body) throws GatewayFailure {
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            if (from != null && !from.isBlank()) {
                helper.setFrom(from);
            }
            helper.setTo(address);
            helper.setSubject(subject);
            helper.setText(body, false);
            mail.send(message);
        } catch (MessagingException | MailException refused) {
            throw new GatewayFailure("mail server: " + refused.getMessage());
        }
    }
}
