/** A profile's QR code image (`<path>/qr.png` or `qr.svg`), square. */
export function QrImage(props: { src: string; size: number; alt: string; lazy?: boolean }) {
  return (
    <img
      class="qr"
      src={props.src}
      width={String(props.size)}
      height={String(props.size)}
      alt={props.alt}
      loading={props.lazy ? "lazy" : undefined}
    />
  );
}
