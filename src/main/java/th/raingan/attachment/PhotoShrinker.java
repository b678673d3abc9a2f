package th.raingan.attachment;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.Semaphore;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import org.springframework.stereotype.Component;

/**
 * Makes a photo fit the 2 MB limit instead of refusing it (officers are told to compress
 * their photos; many cannot): turned upright by its EXIF orientation, then scaled down
 * and saved as JPEG until it fits.
 */
@Component
class PhotoShrinker {

	/**
	 * Long side of the first attempt: still sharp on a screen and in a printed report.
	 */
	static final int FIRST_LONG_SIDE = 2560;

	static final float QUALITY = 0.85f;

	/**
	 * Photos decoded at once: each is read subsampled to little more than
	 * {@link #FIRST_LONG_SIDE} (a few tens of MB), and no more than this many at a time,
	 * so that uploads arriving together cannot exhaust the memory.
	 */
	static final int AT_ONCE = 2;

	private final Semaphore decoding = new Semaphore(AT_ONCE);

	byte[] fit(byte[] photo, int maxBytes) throws IOException {
		decoding.acquireUninterruptibly();
		try {
			return fitting(photo, maxBytes);
		}
		finally {
			decoding.release();
		}
	}

	private byte[] fitting(byte[] photo, int maxBytes) throws IOException {
		BufferedImage image = decode(photo);
		image = upright(image, orientation(photo));
		int longSide = Math.min(FIRST_LONG_SIDE, Math.max(image.getWidth(), image.getHeight()));
		while (true) {
			byte[] jpeg = jpeg(scaled(image, longSide), QUALITY);
			if (jpeg.length <= maxBytes || longSide < 400) {
				return jpeg;
			}
			longSide = (int) (longSide * 0.8);
		}
	}

	/**
	 * The photo decoded every n-th pixel, n chosen so that its long side stays at least
	 * {@link #FIRST_LONG_SIDE}: a 40-megapixel photo never takes 160 MB.
	 */
	static BufferedImage decode(byte[] photo) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(photo))) {
			Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
			if (readers == null || !readers.hasNext()) {
				throw new IOException("not a readable image");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				int longSide = Math.max(reader.getWidth(0), reader.getHeight(0));
				int step = Math.max(1, longSide / FIRST_LONG_SIDE);
				ImageReadParam param = reader.getDefaultReadParam();
				param.setSourceSubsampling(step, step, 0, 0);
				return reader.read(0, param);
			}
			finally {
				reader.dispose();
			}
		}
		catch (RuntimeException ex) {
			throw new IOException("not a readable image", ex);
		}
	}

	private static int orientation(byte[] photo) {
		try {
			Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(photo));
			ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
			if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
				return exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
			}
		}
		catch (Exception ex) {
			// no readable EXIF: the photo is taken as it is stored
		}
		return 1;
	}

	/**
	 * Applies EXIF orientation 1-8 (3 = turned 180°, 6 = 90° clockwise, 8 = 90°
	 * counter-clockwise, 2/4/5/7 mirrored).
	 */
	static BufferedImage upright(BufferedImage image, int orientation) {
		if (orientation <= 1 || orientation > 8) {
			return image;
		}
		int w = image.getWidth();
		int h = image.getHeight();
		boolean turned = orientation >= 5;
		AffineTransform t = new AffineTransform();
		switch (orientation) {
			case 2 -> {
				t.translate(w, 0);
				t.scale(-1, 1);
			}
			case 3 -> {
				t.translate(w, h);
				t.rotate(Math.PI);
			}
			case 4 -> {
				t.translate(0, h);
				t.scale(1, -1);
			}
			case 5 -> {
				t.rotate(-Math.PI / 2);
				t.scale(-1, 1);
			}
			case 6 -> {
				t.translate(h, 0);
				t.rotate(Math.PI / 2);
			}
			case 7 -> {
				t.scale(-1, 1);
				t.translate(-h, 0);
				t.translate(0, w);
				t.rotate(3 * Math.PI / 2);
			}
			case 8 -> {
				t.translate(0, w);
				t.rotate(3 * Math.PI / 2);
			}
			default -> {
			}
		}
		BufferedImage out = new BufferedImage(turned ? h : w, turned ? w : h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, out.getWidth(), out.getHeight());
		g.drawImage(image, t, null);
		g.dispose();
		return out;
	}

	private static BufferedImage scaled(BufferedImage image, int longSide) {
		double factor = Math.min(1.0, (double) longSide / Math.max(image.getWidth(), image.getHeight()));
		int w = Math.max(1, (int) Math.round(image.getWidth() * factor));
		int h = Math.max(1, (int) Math.round(image.getHeight() * factor));
		BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, w, h);
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		g.drawImage(image, 0, 0, w, h, null);
		g.dispose();
		return out;
	}

	static byte[] jpeg(BufferedImage image, float quality) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(out);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(quality);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

}
