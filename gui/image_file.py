"""Saving a Qt image to a file atomically, with a failed save as an error (Qt's ``save`` only returns False)."""

from __future__ import annotations

import errno
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage, QImageWriter, QPixmap

from core.atomic_write import WriteError, write_bytes_atomic
from core.i18n import tr


def encode_image(image: QImage | QPixmap, kind: str = "png") -> bytes:
    """``image`` encoded as ``kind`` (a format Qt writes) in memory; :class:`ValueError` says why Qt could not."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(kind.encode()))
    if not writer.write(image.toImage() if isinstance(image, QPixmap) else image):
        raise ValueError(
            tr("Image files", "Qt could not encode the image as {format} ({reason})").format(
                format=kind.upper(), reason=writer.errorString()
            )
        )
    buffer.close()
    return bytes(data.data())


def save_image(image: QImage | QPixmap, path: Path) -> Path:
    """Write ``image`` to ``path`` in the format its suffix names (PNG without one).

    Qt encodes into memory and :func:`~core.atomic_write.write_bytes_atomic` writes the file, so a failure raises
    :class:`~core.atomic_write.WriteError` with the system's reason (Qt's ``save`` would only return False), and a
    previous file at ``path`` stays as it was.
    """
    path = Path(path)
    kind = path.suffix.lower().lstrip(".") or "png"
    supported = {bytes(f.data()).decode().lower() for f in QImageWriter.supportedImageFormats()}
    if kind not in supported:
        reason = tr("Image files", "Qt cannot write .{suffix} images (use .png)").format(suffix=kind)
        raise WriteError(path, OSError(errno.EINVAL, reason))
    try:
        data = encode_image(image, kind)
    except ValueError as error:
        raise WriteError(path, OSError(errno.EINVAL, str(error))) from None
    return write_bytes_atomic(path, data)
