package th.raingan.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium for the browser tests (never a downloaded browser), with the
 * few moves they share. Screenshots go to {@code target/screenshots}.
 */
final class Browser implements AutoCloseable {

	static final File CHROMIUM = new File("/usr/bin/chromium");

	static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	final WebDriver driver;

	final WebDriverWait wait;

	private final int port;

	private Browser(int port, String language) {
		this.port = port;
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1400,1100", "--lang=" + language);
		options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
		driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build(),
				options);
		wait = new WebDriverWait(driver, Duration.ofSeconds(30));
	}

	/**
	 * Chromium, or the test skipped where Debian's chromium and chromium-driver are
	 * missing (failed instead when {@link #required()}).
	 */
	static Browser open(int port) {
		return open(port, "en-US");
	}

	/**
	 * Chromium whose user reads {@code language} first ("th-TH", "en-US"): its interface
	 * and Accept-Language.
	 */
	static Browser open(int port, String language) {
		checkInstalled(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(), required());
		return new Browser(port, language);
	}

	/**
	 * Missing Chromium: the test is skipped, or fails when the browser tests are
	 * {@code required}.
	 */
	static void checkInstalled(boolean installed, boolean required) {
		String missing = "Debian's chromium and chromium-driver are not installed (.ci/run installs them)";
		if (!installed && required) {
			throw new IllegalStateException(missing + ", and RAINGAN_REQUIRE_BROWSER=true: the browser tests must run");
		}
		Assumptions.assumeTrue(installed, missing);
	}

	/**
	 * {@code RAINGAN_REQUIRE_BROWSER=true} (as {@code .ci/run} sets it): a missing
	 * Chromium fails, not skips.
	 */
	static boolean required() {
		return Boolean.parseBoolean(System.getenv("RAINGAN_REQUIRE_BROWSER"))
				|| Boolean.getBoolean("raingan.requireBrowser");
	}

	/**
	 * Signs in on a webapp's login page; {@code landmark} is a text the signed-in page
	 * shows. A login form that is still starting up (a cold browser on a busy machine)
	 * can drop what was typed: the form is then filled again, up to three times.
	 */
	void signIn(String app, String user, String password, String landmark) throws Exception {
		driver.get(url("/camunda/app/" + app + "/default/"));
		for (int attempt = 1;; attempt++) {
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
			WebElement name = driver.findElement(By.cssSelector("input[type=text]"));
			WebElement secret = driver.findElement(By.cssSelector("input[type=password]"));
			name.clear();
			name.sendKeys(user);
			secret.clear();
			secret.sendKeys(password, Keys.ENTER);
			try {
				new WebDriverWait(driver, Duration.ofSeconds(30))
					.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), landmark));
				return;
			}
			catch (RuntimeException ex) {
				boolean stillAtLogin = !driver.findElements(By.cssSelector("input[type=password]")).isEmpty();
				if (attempt == 3 || !stillAtLogin) {
					screenshot("sign-in-failed-" + app + "-" + user + ".png");
					throw ex;
				}
			}
		}
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	void waitForText(String text) {
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
	}

	String text() {
		return driver.findElement(By.tagName("body")).getText();
	}

	/**
	 * Clicks an element after scrolling it to the middle of the screen, clear of the
	 * webapps' fixed footer.
	 */
	void click(WebElement element) {
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		element.click();
	}

	void screenshot(String name) throws Exception {
		Files.createDirectories(SCREENSHOTS);
		File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}

	@Override
	public void close() throws Exception {
		screenshot("last-page.png");
		driver.quit();
	}

}
