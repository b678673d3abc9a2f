package th.raingan.draft;

/**
 * A draft that is not saved, with the reason in Thai and the HTTP status that says why.
 */
public class DraftRefused extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int status;

	DraftRefused(int status, String message) {
		super(message);
		this.status = status;
	}

	public int status() {
		return status;
	}

}
