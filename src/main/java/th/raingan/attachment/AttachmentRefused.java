package th.raingan.attachment;

/** A file the report cannot take, with the reason in Thai naming the file. */
public class AttachmentRefused extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public AttachmentRefused(String message) {
		super(message);
	}

}
