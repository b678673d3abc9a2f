package th.raingan.mail;

import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one Thai e-mail. A failure is thrown, never swallowed: the calling job fails, the
 * engine retries it, and when the retries run out Cockpit shows an incident.
 */
@Component
public class Mailer {

	private final JavaMailSender sender;

	private final String from;

	Mailer(JavaMailSender sender, @Value("${raingan.mail-from:raingan@localhost}") String from) {
		this.sender = sender;
		this.from = from;
	}

	public void send(List<String> to, List<String> cc, String subject, String body) {
		send(to, cc, subject, body, null);
	}

	/**
	 * Sends with a fixed Message-ID ({@code <digest-4201-2026-11-23@raingan>}) when one
	 * is given. A mail job is retried when it fails, and a node that dies after the SMTP
	 * server took the mail but before the job's transaction committed leaves the job to
	 * run again on another node: the mail then goes out a second time (at least once,
	 * never lost). The second copy carries the same Message-ID, so mail clients and
	 * servers that drop duplicates by Message-ID drop it, and an operator can tell a
	 * repeat from a new mail.
	 */
	public void send(List<String> to, List<String> cc, String subject, String body, String messageId) {
		if (to.isEmpty()) {
			throw new IllegalStateException("no recipient with an e-mail address for: " + subject);
		}
		try {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(from);
			helper.setTo(to.toArray(String[]::new));
			if (!cc.isEmpty()) {
				helper.setCc(cc.toArray(String[]::new));
			}
			helper.setSubject(subject);
			helper.setText(body, false);
			if (messageId != null) {
				// JavaMailSenderImpl keeps a Message-ID set before sending (MimeMessage
				// would make up a new one)
				message.setHeader("Message-ID", messageId);
			}
			sender.send(message);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("could not compose mail: " + subject, ex);
		}
	}

}
