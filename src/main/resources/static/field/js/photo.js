// A photo of the house, downscaled on the device before it is stored: the longest side at most 1,280 px, then JPEG at
// falling quality (and smaller sides) until it is no larger than the limit (200 KB).

function loadImage(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error);
    reader.onload = () => {
      const image = new Image();
      image.onload = () => resolve(image);
      image.onerror = () => reject(new Error('not an image'));
      image.src = reader.result;
    };
    reader.readAsDataURL(file);
  });
}

/** Bytes of a base64 data URL's content. */
export function dataUrlBytes(dataUrl) {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  return Math.floor(base64.length * 3 / 4) - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);
}

/** {dataUrl, bytes} of the picture as a JPEG of at most `limit` bytes. */
export async function downscale(file, limit) {
  const image = await loadImage(file);
  let side = 1280;
  for (let attempt = 0; attempt < 12; attempt++) {
    const scale = Math.min(1, side / Math.max(image.naturalWidth, image.naturalHeight));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
    canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
    for (const quality of [0.8, 0.65, 0.5]) {
      const dataUrl = canvas.toDataURL('image/jpeg', quality);
      const bytes = dataUrlBytes(dataUrl);
      if (bytes <= limit) return { dataUrl, bytes };
    }
    side = Math.round(side * 0.75);
  }
  throw new Error('the photo cannot be made small enough');
}
