// Package signing signs a certificación's fingerprints with a key of the
// Dirección Jurídica's and checks the signature. What is signed is a
// statement built from the certificación's own fields (folio, fecha,
// alcance, firmante, huellas), so changing any of them, or the content the
// fingerprints identify, breaks it.
//
// Keys are PEM, as openssl and the SAT's tools write them: a PKCS#8
// private key (Ed25519, ECDSA P-256/P-384 or RSA; an e.firma .key converted
// with «openssl pkcs8») and, optionally, the X.509 certificate of the same
// key, whose subject then says who signed. Only the standard library is
// used: crypto/ed25519, ecdsa, rsa and x509 are what a kept library for this
// would wrap.
package signing

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"

	"github.com/cipro-ine/mpp/manuals"
)

// Statement is the text a certificación's signature covers, one field per
// line, in a fixed order.
func Statement(c *manuals.Certificacion) []byte {
	var b bytes.Buffer
	b.WriteString("mpp-certificacion-v1\n")
	fmt.Fprintf(&b, "folio: %s\n", c.Folio)
	fmt.Fprintf(&b, "fecha: %s\n", c.Fecha)
	fmt.Fprintf(&b, "alcance: %s\n", strings.Join(c.Alcance, ","))
	fmt.Fprintf(&b, "firmante: %s | %s\n", c.Firmante.Nombre, c.Firmante.Puesto)
	for _, h := range c.Huellas {
		fmt.Fprintf(&b, "huella %s: %s\n", h.Documento, h.SHA256)
	}
	return b.Bytes()
}

// ErrBadKey is a key file mpp cannot use.
var ErrBadKey = errors.New("la clave no se puede usar")

// ErrBadSignature is a signature that does not match the statement.
var ErrBadSignature = errors.New("la firma no corresponde")

// Sign signs c's statement with the PKCS#8 private key in keyPEM; certPEM,
// if not empty, is the certificate of that key, kept with the signature.
func Sign(c *manuals.Certificacion, keyPEM, certPEM []byte) (*manuals.CertSignature, error) {
	blk, _ := pem.Decode(keyPEM)
	if blk == nil {
		return nil, fmt.Errorf("%w: no es un archivo PEM", ErrBadKey)
	}
	if strings.Contains(blk.Type, "ENCRYPTED") {
		return nil, fmt.Errorf("%w: está cifrada; descífrela antes (openssl pkcs8 -in CLAVE -out clave.pem)", ErrBadKey)
	}
	key, err := x509.ParsePKCS8PrivateKey(blk.Bytes)
	if err != nil {
		return nil, fmt.Errorf("%w: no es una clave privada PKCS#8 (%s)", ErrBadKey, blk.Type)
	}
	signer, ok := key.(crypto.Signer)
	if !ok {
		return nil, fmt.Errorf("%w: tipo de clave no admitido", ErrBadKey)
	}
	pub, err := x509.MarshalPKIXPublicKey(signer.Public())
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadKey, err)
	}
	msg := Statement(c)
	var alg string
	var sig []byte
	switch k := key.(type) {
	case ed25519.PrivateKey:
		alg, sig = "ed25519", ed25519.Sign(k, msg)
	case *ecdsa.PrivateKey:
		h := sha256.Sum256(msg)
		alg = "ecdsa-sha256"
		if sig, err = ecdsa.SignASN1(rand.Reader, k, h[:]); err != nil {
			return nil, err
		}
	case *rsa.PrivateKey:
		h := sha256.Sum256(msg)
		alg = "rsa-pkcs1v15-sha256"
		if sig, err = rsa.SignPKCS1v15(nil, k, crypto.SHA256, h[:]); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("%w: tipo de clave no admitido (%T)", ErrBadKey, key)
	}
	s := &manuals.CertSignature{Algoritmo: alg, ClavePublica: base64.StdEncoding.EncodeToString(pub), Valor: base64.StdEncoding.EncodeToString(sig)}
	if len(certPEM) > 0 {
		cert, err := parseCert(certPEM)
		if err != nil {
			return nil, err
		}
		certPub, _ := x509.MarshalPKIXPublicKey(cert.PublicKey)
		if !bytes.Equal(certPub, pub) {
			return nil, fmt.Errorf("%w: el certificado es de otra clave", ErrBadKey)
		}
		s.Certificado = base64.StdEncoding.EncodeToString(cert.Raw)
	}
	return s, nil
}

func parseCert(certPEM []byte) (*x509.Certificate, error) {
	blk, _ := pem.Decode(certPEM)
	if blk == nil || blk.Type != "CERTIFICATE" {
		return nil, fmt.Errorf("%w: el certificado no es un archivo PEM «CERTIFICATE»", ErrBadKey)
	}
	cert, err := x509.ParseCertificate(blk.Bytes)
	if err != nil {
		return nil, fmt.Errorf("%w: certificado ilegible", ErrBadKey)
	}
	return cert, nil
}

// Signer is who a valid signature says signed.
type Signer struct {
	// KeyID is the SHA-256 of the public key (SPKI DER), in hex: what to
	// compare with the key the Dirección Jurídica publishes.
	KeyID string
	// Subject is the certificate's subject, when one was kept.
	Subject string
}

// Verify checks c's signature against its statement. trusted, if not
// empty, are PEM public keys or certificates: the signing key must be one
// of them (without it, a valid signature only says the certificación was
// not changed since someone signed it).
func Verify(c *manuals.Certificacion, trusted [][]byte) (Signer, error) {
	s := c.Firma
	if s == nil {
		return Signer{}, errors.New("la certificación no está firmada")
	}
	pubDER, err := base64.StdEncoding.DecodeString(s.ClavePublica)
	if err != nil {
		return Signer{}, fmt.Errorf("%w: clave pública ilegible", ErrBadSignature)
	}
	sig, err := base64.StdEncoding.DecodeString(s.Valor)
	if err != nil {
		return Signer{}, fmt.Errorf("%w: valor ilegible", ErrBadSignature)
	}
	pub, err := x509.ParsePKIXPublicKey(pubDER)
	if err != nil {
		return Signer{}, fmt.Errorf("%w: clave pública ilegible", ErrBadSignature)
	}
	msg := Statement(c)
	h := sha256.Sum256(msg)
	ok := false
	switch k := pub.(type) {
	case ed25519.PublicKey:
		ok = s.Algoritmo == "ed25519" && ed25519.Verify(k, msg, sig)
	case *ecdsa.PublicKey:
		ok = s.Algoritmo == "ecdsa-sha256" && ecdsa.VerifyASN1(k, h[:], sig)
	case *rsa.PublicKey:
		ok = s.Algoritmo == "rsa-pkcs1v15-sha256" && rsa.VerifyPKCS1v15(k, crypto.SHA256, h[:], sig) == nil
	}
	if !ok {
		return Signer{}, fmt.Errorf("%w: la certificación (folio, fecha, alcance, firmante o huellas) cambió después de firmarse, o la firma no es de esta clave", ErrBadSignature)
	}
	id := sha256.Sum256(pubDER)
	who := Signer{KeyID: hex.EncodeToString(id[:])}
	if s.Certificado != "" {
		der, err := base64.StdEncoding.DecodeString(s.Certificado)
		if err != nil {
			return Signer{}, fmt.Errorf("%w: certificado ilegible", ErrBadSignature)
		}
		cert, err := x509.ParseCertificate(der)
		if err != nil {
			return Signer{}, fmt.Errorf("%w: certificado ilegible", ErrBadSignature)
		}
		certPub, _ := x509.MarshalPKIXPublicKey(cert.PublicKey)
		if !bytes.Equal(certPub, pubDER) {
			return Signer{}, fmt.Errorf("%w: el certificado guardado es de otra clave", ErrBadSignature)
		}
		who.Subject = cert.Subject.String()
	}
	if len(trusted) > 0 && !trustedKey(pubDER, trusted) {
		return who, fmt.Errorf("%w: la firma es válida, pero su clave (%s…) no es ninguna de las de confianza", ErrBadSignature, who.KeyID[:16])
	}
	return who, nil
}

// trustedKey: pubDER is one of the PEM public keys or certificates.
func trustedKey(pubDER []byte, trusted [][]byte) bool {
	for _, t := range trusted {
		for rest := t; ; {
			var blk *pem.Block
			blk, rest = pem.Decode(rest)
			if blk == nil {
				break
			}
			der := blk.Bytes
			if blk.Type == "CERTIFICATE" {
				cert, err := x509.ParseCertificate(blk.Bytes)
				if err != nil {
					continue
				}
				der, _ = x509.MarshalPKIXPublicKey(cert.PublicKey)
			}
			if bytes.Equal(der, pubDER) {
				return true
			}
		}
	}
	return false
}
