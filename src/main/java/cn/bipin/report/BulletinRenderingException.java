package cn.bipin.report;

/** A bulletin could not be compiled, filled or written; the message names the template or output file. */
class BulletinRenderingException extends RuntimeException {

    public BulletinRenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
