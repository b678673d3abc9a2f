package th.raingan.deadline;

import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one Thai e-mail. A failure is thrown, never swallowed: the calling job fails, the engine retries it, and
 * when the retries run out Cockpit shows an incident.
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
			sender.send(message);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("could not compose mail: " + subject, ex);
		}
	}

}
